-- The mandatory sanction under the aktivitetskrav (issue #11 point 3). A sanction proposed for a client covered by
-- the requirement is marked so; its decision may drop the reduction only with a recorded godtagbart skäl: a ground
-- from a fixed list and a text, for illness (when the absence is longer than
-- stegvis.aktivitetskrav.dagar-utan-lakarintyg days) the date of the läkarintyg.

alter table sanction add column under_activity_requirement boolean not null default false;
alter table sanction add column absence_days integer;                    -- from the attendance report, when known
alter table sanction add column acceptable_reason varchar(40);           -- AcceptableReason, when dropped for it
alter table sanction add column acceptable_reason_text varchar(1000);
alter table sanction add column illness_days integer;                    -- days of illness the ground covers
alter table sanction add column medical_certificate_date date;           -- läkarintyg, dated
