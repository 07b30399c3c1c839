-- Issue #14 point 3: the key figures of a year at a nation's volume (160 000 households x 12 months) read facts kept
-- per month and unit, so that each statement scales with months x units, not with the number of decisions
-- (metrics/FigureFacts, maintained in the writing transaction by metrics/FigureFactsListener; filled for existing
-- data by src/main/java/db/migration/V15_91__KeyFigureFactsPerMonth). Portable SQL (PostgreSQL and H2).

-- Each decision's fact now carries the month it was made in (Swedish time, year * 12 + month) and the unit (enhet)
-- its client belongs to now ('' for none): the key under which it is counted in figure_decision_month, so that it
-- can be taken out again when the decision is reconsidered or the client moves to another unit. No personal data.
alter table figure_decision add column decided_month integer;
alter table figure_decision add column unit varchar(60);
-- FigureFacts.refresh: a client's decision facts when the client moves to another unit.
create index figure_decision_client on figure_decision (client_id);

-- Handläggning (CaseHandlingFigures: tid_till_beslut_median/_p90, andel_beslut_i_tid, kompletteringsgrad,
-- andel_attest): per month, unit, first decision or not and days from the complete application to a first decision
-- (0 for the others), how many decisions and how many of them in time, with a komplettering and attested. A year is
-- at most 12 x units x (days + 1) rows. The primary key serves the figures' query (months of the period, optionally
-- one unit) and the maintenance's upserts.
create table figure_decision_month (
    for_month           integer       not null,
    unit                varchar(60)   not null,
    first_decision      boolean       not null,
    days_to_decision    integer       not null,
    decisions           bigint        not null,
    in_time             bigint        not null,
    with_supplement     bigint        not null,
    attested            bigint        not null,
    primary key (for_month, unit, first_decision, days_to_decision)
);

-- The facts per client and year carry the unit their client belongs to now ('' for none): the key under which they
-- are counted per month below (metrics/ClientMonths), taken out again when they change or the client moves.
alter table figure_household_year add column unit varchar(60);
alter table figure_payment_year add column unit varchar(60);

-- Bistånd (AssistanceFigures: hushall_per_manad, personer_per_manad, andel_av_befolkningen, inflode, utflode,
-- langvarigt): per month and unit the households with assistance, their persons, the inflow and the outflow; in the
-- row of a year's December also the households with assistance in at least 10 months of that year. The primary key
-- serves the figures' query (the months of the period's years, optionally one unit) and the maintenance's upserts.
create table figure_household_month (
    for_month   integer       not null,
    unit        varchar(60)   not null,
    households  bigint        not null,
    persons     bigint        not null,
    inflow      bigint        not null,
    outflow     bigint        not null,
    long_term   bigint        not null,
    primary key (for_month, unit)
);

-- utbetalt_per_manad (AssistanceFigures): per month of the payment date and unit the confirmed payments (kronor) and
-- the households paid. The primary key serves the figures' query and the maintenance's upserts.
create table figure_payment_month (
    for_month   integer       not null,
    unit        varchar(60)   not null,
    amount      bigint        not null,
    households  bigint        not null,
    primary key (for_month, unit)
);
