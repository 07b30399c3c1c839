-- Issue #14 point 3: insatser_aktiva (JourneyFigures) reads the placements running at each month's end from the facts
-- per month and unit of V15_92 instead of joining every placement to the months' last days: each started placement
-- adds +1 at its start's month and -1 at its end's under the phase 'INSATS_' and its type that month (SFI before a
-- switch to flex-SFI; metrics/JourneyPhases, filled for existing data by
-- src/main/java/db/migration/V16_13__KeyFigureFactsWithPlacements). The longest type needs a longer phase.
-- Portable SQL (PostgreSQL and H2).
alter table figure_journey_phase alter column phase set data type varchar(40);
alter table figure_phase_month alter column phase set data type varchar(40);
