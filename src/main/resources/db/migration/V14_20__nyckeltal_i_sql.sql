-- The key figures are computed by SQL aggregation (metrics/, docs/nyckeltal.md): the indexes below serve their
-- queries, each named after the figure group that uses it. And the follow-up conversations get a record of their own,
-- so that "uppfoljning_i_tid" no longer reads Camunda's history, which the history cleanup removes.
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

-- The follow-up conversations (Uppföljningssamtal) of the client journeys: when each was due and when and how it
-- ended. Written by journey/process/FollowUpConversationListener as the task is created, changed, completed or
-- cancelled; earlier conversations are copied from Camunda's history once
-- (src/main/java/db/migration/V14_21__FollowUpConversationsFromHistory).
create table follow_up_conversation (
    task_id     varchar(64)   primary key,                    -- the engine's task id
    journey_id  uuid          not null references client_journey (id),
    due_at      timestamp with time zone not null,            -- the task's due date: created + follow-up-grace
    ended_at    timestamp with time zone,                     -- null while the task is open
    completed   boolean       not null default false          -- held (completed), not cancelled with the journey
);
-- uppfoljning_i_tid (JourneyFigures): the conversations due in the period.
create index follow_up_conversation_due on follow_up_conversation (due_at, journey_id);
create index follow_up_conversation_journey on follow_up_conversation (journey_id);

-- Facts derived from the applications and decisions (metrics/FigureFacts, kept up to date in the transaction that
-- writes a decision by metrics/FigureFactsListener), so that a year's figures read narrow rows, not millions of joins.
-- Bistånd (AssistanceFigures) and andel_ater_inom_12_manader (ExitFigures): per client and calendar year, the persons
-- of the household in each month it had assistance (0: none).
create table figure_household_year (
    client_id   uuid          not null,
    for_year    integer       not null,
    p01 integer not null, p02 integer not null, p03 integer not null, p04 integer not null,
    p05 integer not null, p06 integer not null, p07 integer not null, p08 integer not null,
    p09 integer not null, p10 integer not null, p11 integer not null, p12 integer not null,
    primary key (client_id, for_year)
);
-- Bistånd: the households of a year (and of the year before, for January's inflow).
create index figure_household_year_year on figure_household_year (for_year);

-- Handläggning (CaseHandlingFigures): per decision, when it was made, whether it was the application's first and
-- attested; for first decisions the days from the complete application, in time, with a komplettering.
create table figure_decision (
    decision_id         uuid          primary key,
    application_id      uuid          not null,
    client_id           uuid          not null,
    decided_at          timestamp with time zone not null,
    first_decision      boolean       not null,
    attested            boolean       not null,
    days_to_decision    integer,
    in_time             boolean,
    with_supplement     boolean
);
-- Handläggning: the decisions made in the period.
create index figure_decision_decided on figure_decision (decided_at);
-- FigureFacts.refresh: an application's facts.
create index figure_decision_application on figure_decision (application_id);

-- utbetalt_per_manad (AssistanceFigures): per client and calendar year, the confirmed payments of each month (kronor).
create table figure_payment_year (
    client_id   uuid          not null,
    for_year    integer       not null,
    a01 bigint not null, a02 bigint not null, a03 bigint not null, a04 bigint not null,
    a05 bigint not null, a06 bigint not null, a07 bigint not null, a08 bigint not null,
    a09 bigint not null, a10 bigint not null, a11 bigint not null, a12 bigint not null,
    primary key (client_id, for_year)
);
-- utbetalt_per_manad: the payments of a year.
create index figure_payment_year_year on figure_payment_year (for_year);

-- The facts are computed from: an application's decisions in time order (first, latest); an application's
-- komplettering requests (also the application's own page); a client's applications of a year (application_client_month,
-- V1); a client's payments (payment_client_date).
create index decision_application_decided on decision (application_id, decided_at);
create index supplement_request_application on supplement_request (application_id);
create index payment_client_date on payment (client_id, payment_date);
-- overklaganden (AppealFigures): appeals received in the period; and an application's appeals by decision.
create index appeal_received on appeal (received_date);
create index appeal_decision on appeal (decision_id);
-- GET /api/ansokningar?month= (ApplicationController.list): a month's applications.
create index application_month on application (for_month);

-- Klientresan (JourneyFigures): journeys active in the period, their first mapping and first agreed plan version,
-- placements running at a month's end or started in the period, step assessments up to the period's end.
create index client_journey_started on client_journey (started_at);
create index journey_mapping_journey_mapped on journey_mapping (journey_id, mapped_at);
create index plan_version_plan_agreed on plan_version (plan_id, agreed_with_client_at);
create index placement_start on placement (start_date, journey_id);
create index step_assessment_assessed on step_assessment (assessed_on, journey_id);
-- Avslut och resultat (ExitFigures): exits, ended placements and six-month follow-ups in the period.
create index journey_exit_date on journey_exit (exit_date, journey_id);
create index placement_end on placement (end_date, journey_id);
create index exit_follow_up_date on exit_follow_up (followed_up_on, exit_id);
