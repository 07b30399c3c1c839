-- Issue #14 point 3: stegforflyttning (JourneyFigures) reads the period's step assessments with each one's
-- predecessor instead of searching every client's last assessment before the period among all assessments ever made
-- (metrics/StepFacts; kept in the writing transaction by metrics/FigureFactsListener, filled for existing data by
-- src/main/java/db/migration/V16_11__KeyFigureFactsWithSteps). Portable SQL (PostgreSQL and H2).

-- Per step assessment: its client, journey, day and step, the client's unit of now ('' for none), and the day and step
-- of the client's assessment just before it (all journeys together, by day, then recording; null for the first).
-- No personal data.
create table figure_step (
    assessment_id   uuid          not null primary key,
    client_id       uuid          not null,
    journey_id      uuid          not null,
    unit            varchar(60)   not null,
    assessed_on     date          not null,
    step            integer       not null,
    prev_on         date,
    prev_step       integer
);
-- stegforflyttning for the whole municipality: the assessments of the period.
create index figure_step_assessed on figure_step (assessed_on);
-- stegforflyttning per unit: the unit's assessments of the period.
create index figure_step_unit_assessed on figure_step (unit, assessed_on);
-- FigureFacts.refresh: a client's facts, recomputed when an assessment is written or the client moves to another unit.
create index figure_step_client on figure_step (client_id);
