-- The letters about a sanction (issue #10): the kommunicering sent before the decision and the decision letter on
-- the reduction, kept as sent. One of each kind per sanction.
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

create table sanction_letter (
    sanction_id     uuid          not null references sanction (id),
    kind            varchar(20)   not null,                     -- KOMMUNICERING, BESLUT
    pdf             bytea         not null,
    created_at      timestamp with time zone not null,
    primary key (sanction_id, kind)
);
