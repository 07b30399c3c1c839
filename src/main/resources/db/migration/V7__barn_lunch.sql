-- Riksnorm 2026: children 0–6 who do not eat lunch at home every weekday (förskola) have a lower amount.
-- Per child, in the order of children_ages: 'true' eats lunch at home, 'false' not (comma separated).
-- Empty = every child eats lunch at home, which is what every application before this column said.
alter table application add column children_lunch_at_home varchar(200) not null default '';
