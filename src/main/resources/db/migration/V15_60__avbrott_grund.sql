-- Why a placement was interrupted (issue #11, the mandatory sanction under the aktivitetskrav): the client declined it
-- (AVBOJD), broke it off without godtagbart skäl (UTAN_GODTAGBART_SKAL), or it was interrupted with one
-- (GODTAGBART_SKAL). Recorded by "Avsluta insats" with the outcome AVBRUTEN; null for the other outcomes, for
-- placements ended before the ground was asked for, and for those interrupted because the journey ended.
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

alter table placement add column interruption_ground varchar(30);
