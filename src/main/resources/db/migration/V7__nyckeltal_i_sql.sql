-- The key figures are computed by SQL aggregation (metrics/, docs/nyckeltal.md): the indexes below serve their
-- queries, each named after the figure group that uses it. And the follow-up conversations get a record of their own,
-- so that "uppfoljning_i_tid" no longer reads Camunda's history, which the history cleanup removes.
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

-- The follow-up conversations (Uppföljningssamtal) of the client journeys: when each was due and when and how it
-- ended. Written by journey/process/FollowUpConversationListener as the task is created, changed, completed or
-- cancelled; earlier conversations are copied from Camunda's history once
-- (src/main/java/db/migration/V7_1__FollowUpConversationsFromHistory).
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

-- Bistånd (AssistanceFigures): the monthly applications of the period with their decisions; the latest decision of
-- an application; andel_ater_inom_12_manader (ExitFigures) looks up a client's months by (client_id, for_month),
-- which application_client_month (V1) serves.
create index application_month_kind on application (for_month, kind, client_id);
create index decision_application_decided on decision (application_id, decided_at, amount);
-- Handläggning (CaseHandlingFigures): the decisions made in the period; kompletteringsgrad looks up the
-- komplettering requests of an application (also the application's own page).
create index decision_decided on decision (decided_at, application_id);
create index supplement_request_application on supplement_request (application_id);
-- overklaganden (AppealFigures): appeals received in the period; and an application's appeals by decision.
create index appeal_received on appeal (received_date);
create index appeal_decision on appeal (decision_id);
-- utbetalt_per_manad (AssistanceFigures): confirmed payments by payment date.
create index payment_status_date on payment (status, payment_date, client_id);

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
