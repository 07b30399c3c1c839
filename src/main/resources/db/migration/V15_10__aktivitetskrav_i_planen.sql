-- The plan holds the aktivitetskrav (issue #11 point 2): every plan version records its activities with hours per week
-- and statutory category, the time for job search, and what the required extent was computed from (part-time work,
-- other insatser, capacity with its reason and läkarintyg), the required and planned hours, and a recorded reason when
-- a covered client's plan is agreed below the requirement or without job search. Attendance is reported in hours too.
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

create table plan_activity (                                   -- aktiviteterna i en version av planen
    plan_version_id uuid          not null references plan_version (id),
    position        integer       not null,
    category        varchar(30)   not null,                    -- placement.domain.ActivityCategory
    hours_per_week  integer       not null,
    placement_type  varchar(40),                               -- the intervention (PlacementType) it comes from
    provider_id     uuid,                                      -- the provider, when one is known
    primary key (plan_version_id, position),
    constraint plan_activity_category check (category in ('KOMPETENSHOJANDE', 'SPRAK', 'JOBBSOKANDE', 'ARBETSPLATSFORLAGD')),
    constraint plan_activity_hours check (hours_per_week between 0 and 60)
);

alter table plan_version add column activity_covered boolean;            -- omfattades av aktivitetskravet när planen gjordes; null: äldre version
alter table plan_version add column full_time_hours integer;             -- heltid (inställningen) när planen gjordes
alter table plan_version add column part_time_work_hours integer;        -- deltidsarbete, timmar per vecka
alter table plan_version add column other_insatser_hours integer;        -- andra insatser (stat, kommun, region), timmar per vecka
alter table plan_version add column capacity_percent integer;            -- förmåga i procent av heltid
alter table plan_version add column capacity_reason varchar(30);         -- activity.CapacityReason; null at 100 %
alter table plan_version add column medical_certificate_date date;       -- läkarintygets datum (krävs vid sjukdom)
alter table plan_version add column job_search_hours integer;            -- tid för eget jobbsökande, timmar per vecka
alter table plan_version add column required_hours_per_week integer;     -- kravet i timmar per vecka, uträknat
alter table plan_version add column planned_hours_per_week integer;      -- summan: aktiviteternas timmar + job_search_hours
alter table plan_version add column deviation_reason varchar(1000);      -- varför planen avviker från kravet

alter table placement_attendance add column hours_planned integer;       -- närvaro i timmar; null: rapporterad före timmar
alter table placement_attendance add column hours_present integer;
alter table placement_attendance add column hours_absent_unexcused integer;
