-- Issue #14 point 3: klienter_per_fas (JourneyFigures) reads the journeys' phases counted per month and unit instead
-- of computing every journey's phases on each request (metrics/JourneyPhases; kept in the writing transaction by
-- metrics/FigureFactsListener, filled for existing data by src/main/java/db/migration/V15_93__KeyFigureFactsRebuilt).
-- Portable SQL (PostgreSQL and H2).

-- Per journey, the changes its phase intervals make: +1 at the month an interval begins, -1 at the month it ends
-- (phase KARTLAGGNING, PLANERING, EFTER_PLAN, I_INSATS; year * 12 + month), under its client's unit of now ('' for
-- none) — what FigureFacts.refresh takes out when the journey changes. No personal data. The primary key serves the
-- refresh's look-up of a journey's rows.
create table figure_journey_phase (
    journey_id  uuid          not null,
    phase       varchar(20)   not null,
    for_month   integer       not null,
    delta       integer       not null,
    unit        varchar(60)   not null,
    primary key (journey_id, phase, for_month)
);

-- klienter_per_fas: the changes summed per month, unit and phase; a month's count in a phase is the sum up to it.
-- The primary key serves the figure's query (months up to the period's last, optionally one unit) and the upserts.
create table figure_phase_month (
    for_month   integer       not null,
    unit        varchar(60)   not null,
    phase       varchar(20)   not null,
    delta       bigint        not null,
    primary key (for_month, unit, phase)
);
