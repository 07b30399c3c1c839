-- Issue #14 point 3: uppfoljning_i_tid (JourneyFigures) reads the period's follow-up conversations with their client
-- and the client's unit instead of joining every conversation of the period to its journey and client
-- (metrics/FollowUpFacts; kept in the writing transaction by metrics/FigureFactsListener, filled for existing data by
-- src/main/java/db/migration/V16_15__KeyFigureFactsWithFollowUps). Portable SQL (PostgreSQL and H2).

-- Per follow-up conversation: when it was due and when and how it ended (as follow_up_conversation), its journey's
-- client and the client's unit of now ('' for none). No personal data.
create table figure_follow_up (
    task_id     varchar(64)   not null primary key,
    client_id   uuid          not null,
    unit        varchar(60)   not null,
    due_at      timestamp with time zone not null,
    ended_at    timestamp with time zone,
    completed   boolean       not null
);
-- uppfoljning_i_tid for the whole municipality: the conversations due in the period.
create index figure_follow_up_due on figure_follow_up (due_at);
-- uppfoljning_i_tid per unit: the unit's conversations due in the period.
create index figure_follow_up_unit_due on figure_follow_up (unit, due_at);
-- FigureFacts.refresh: a client's conversations, when the client moves to another unit.
create index figure_follow_up_client on figure_follow_up (client_id);
