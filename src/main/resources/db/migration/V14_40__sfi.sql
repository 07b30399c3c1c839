-- The SFI three-year clock (issue #10, prop. 2025/26:10): an SFI placement records the client's first admission to
-- SFI (from the study plan); the huvudman's extensions are kept one row each, so that every step of at most six months
-- can be shown. The client's right is read over all their placements.
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

alter table placement add column sfi_first_admission date;

create table sfi_extension (
    id              uuid primary key,
    placement_id    uuid          not null references placement (id),
    extended_until  date          not null,                     -- the last day of the extended right
    recorded_by     varchar(64)   not null,
    recorded_at     timestamp with time zone not null
);
create index sfi_extension_placement on sfi_extension (placement_id);
