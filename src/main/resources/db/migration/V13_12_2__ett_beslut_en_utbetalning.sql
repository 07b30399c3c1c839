-- One process, one decision, one payment (#12): decided by the database, not by look-ups two nodes could both pass.
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

-- One decision per application outside the appeal path: the application's first decision carries its id in
-- first_of_application (unique); a reconsideration's decision replaces another (replaces_decision_id) and leaves it
-- empty. Two "Registrera beslut" for one application cannot both commit, on one node or several.
alter table decision add column first_of_application uuid;
update decision set first_of_application = application_id where replaces_decision_id is null;
alter table decision add constraint decision_one_per_application unique (first_of_application);
alter table decision add constraint decision_first_or_replacing check (
    (replaces_decision_id is null and first_of_application = application_id)
    or (replaces_decision_id is not null and first_of_application is null));

-- A client gets at most one regular payment per month (the month's assistance; an extra need or a reconsideration's
-- difference is not regular and leaves regular_month empty). A decision has one payment already (decision_id unique).
alter table payment add column regular_month varchar(7);
alter table payment add constraint payment_one_regular_per_month unique (client_id, regular_month);
