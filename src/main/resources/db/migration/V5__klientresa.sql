-- The client journey (klientresa): one journey per client person expected to work or study, with the mapping
-- (kartläggning), the individual plan and every revision of it, step assessments on the step scale
-- (docs/stegforflyttning.md), sanctions after absence (with kommunicering), the exit and the follow-up six months
-- later; and the work-preparation placements with their providers and monthly attendance.
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

create table client_journey (                                  -- klientresa
    id                  uuid primary key,
    client_id           uuid          not null references client (id),
    status              varchar(20)   not null,               -- AKTIV, AVSLUTAD
    started_at          timestamp with time zone not null,
    started_by          varchar(64)   not null,
    ended_at            timestamp with time zone,
    process_instance_id varchar(64)
);
create index client_journey_client_status on client_journey (client_id, status);

create table journey_mapping (                                 -- kartläggning; a new one when the situation changes
    id                          uuid primary key,
    journey_id                  uuid          not null references client_journey (id),
    education_level             varchar(30)   not null,       -- EducationLevel
    work_history                varchar(2000),
    swedish_level               varchar(20)   not null,       -- SFI_A..SFI_D, SVA, FLYTANDE
    health_limits               boolean       not null,
    health_limits_description   varchar(1000),
    childcare_need              boolean       not null,
    parental_leave              boolean       not null,
    driving_licence             boolean       not null,
    months_since_last_job       integer,                      -- null: has never had a job
    own_goal                    varchar(20)   not null,       -- ARBETE, STUDIER
    goal_occupation             varchar(200),
    ready_for_company_placement boolean       not null,
    mapped_by                   varchar(64)   not null,
    mapped_at                   timestamp with time zone not null
);
create index journey_mapping_journey on journey_mapping (journey_id);

create table individual_plan (                                 -- individuell planering; its revisions below
    id                  uuid primary key,
    journey_id          uuid          not null unique references client_journey (id),
    current_version     integer       not null,
    created_at          timestamp with time zone not null
);

create table plan_version (                                    -- every revision of the plan is kept
    id                      uuid primary key,
    plan_id                 uuid          not null references individual_plan (id),
    version_number          integer       not null,
    goal                    varchar(20)   not null,           -- ARBETE, STUDIER
    goal_occupation         varchar(200),
    change_reason           varchar(1000),
    agreed_with_client_at   timestamp with time zone,         -- null until the client has agreed
    created_by              varchar(64)   not null,
    created_at              timestamp with time zone not null,
    constraint plan_version_number unique (plan_id, version_number)
);

create table plan_step (
    plan_version_id uuid          not null references plan_version (id),
    position        integer       not null,
    description     varchar(500)  not null,
    due_date        date,
    primary key (plan_version_id, position)
);

create table plan_intervention (                               -- the interventions chosen in this version
    plan_version_id uuid          not null references plan_version (id),
    position        integer       not null,
    placement_type  varchar(40)   not null,                   -- placement.domain.PlacementType
    primary key (plan_version_id, position)
);

create table step_assessment (                                 -- stegbedömning at a follow-up conversation
    id              uuid primary key,
    journey_id      uuid          not null references client_journey (id),
    assessed_on     date          not null,
    coach           varchar(64)   not null,
    step            integer       not null,                   -- 1..6, journey.domain.Step; higher is closer to work
    reason          varchar(1000) not null,
    created_at      timestamp with time zone not null,
    constraint step_assessment_step check (step between 1 and 6)
);
create index step_assessment_journey on step_assessment (journey_id, assessed_on);

create table placement_provider (                              -- arbetsgivare or skola
    id              uuid primary key,
    name            varchar(200)  not null,
    kind            varchar(20)   not null,                   -- ARBETSGIVARE, SKOLA
    capacity        integer       not null,                   -- places at the same time
    active          boolean       not null default true
);

create table placement (                                       -- arbetsförberedande insats
    id                      uuid primary key,
    journey_id              uuid          not null references client_journey (id),
    type                    varchar(40)   not null,           -- placement.domain.PlacementType
    provider_id             uuid references placement_provider (id),
    requested_on            date          not null,           -- waiting time: requested -> matched -> started
    matched_on              date,
    start_date              date,
    end_date                date,
    switched_to_flex_sfi_on date,                             -- SFI continued as flex-SFI during parental leave
    outcome                 varchar(30),                      -- ARBETE, STUDIER, FORTSATT_INSATS, NASTA_STEG, AVBRUTEN
    interruption_reason     varchar(1000),
    process_instance_id     varchar(64)
);
create index placement_journey on placement (journey_id);
create index placement_provider_dates on placement (provider_id, start_date);

create table placement_attendance (                            -- närvaro per månad
    id                  bigint generated by default as identity primary key,
    placement_id        uuid          not null references placement (id),
    for_month           varchar(7)    not null,               -- YYYY-MM
    days_planned        integer       not null,
    days_present        integer       not null,
    days_absent_unexcused integer     not null,               -- frånvaro utan godtagbart skäl
    reported_by         varchar(64)   not null,
    reported_at         timestamp with time zone not null,
    constraint placement_attendance_month unique (placement_id, for_month)
);

create table sanction (                                        -- absence -> proposal -> kommunicering -> decision
    id                  uuid primary key,
    journey_id          uuid          not null references client_journey (id),
    placement_id        uuid references placement (id),
    absence_description varchar(1000) not null,
    status              varchar(20)   not null,               -- FORESLAGEN, KOMMUNICERAD, BESLUTAD
    proposed_amount     bigint        not null,
    proposed_by         varchar(64)   not null,
    proposed_at         timestamp with time zone not null,
    communicated_at     timestamp with time zone,
    response_due        date,                                 -- the client may respond until this day
    client_response     varchar(2000),
    responded_at        timestamp with time zone,
    decision            varchar(20),                          -- UPHELD, DROPPED
    decided_amount      bigint,
    decision_reasons    varchar(4000),
    decided_by          varchar(64),
    decided_at          timestamp with time zone,
    reduction_id        uuid references reduction (id)        -- the reduction an upheld decision created
);
create index sanction_journey on sanction (journey_id);

create table journey_exit (                                    -- avslut
    id              uuid primary key,
    journey_id      uuid          not null unique references client_journey (id),
    reason          varchar(30)   not null,                   -- ARBETE, STUDIER, ANNAN_ERSATTNING, FLYTTAT, EGEN_BEGARAN, ANNAT
    exit_date       date          not null,
    note            varchar(1000),
    registered_by   varchar(64)   not null,
    registered_at   timestamp with time zone not null
);

create table exit_follow_up (                                  -- uppföljning sex månader efter avslut
    id                      uuid primary key,
    exit_id                 uuid          not null unique references journey_exit (id),
    followed_up_on          date          not null,
    in_work_or_studies      boolean       not null,
    returned_to_assistance  boolean       not null,
    note                    varchar(1000),
    recorded_by             varchar(64)   not null
);
