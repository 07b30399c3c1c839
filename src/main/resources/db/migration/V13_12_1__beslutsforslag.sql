-- Control data that users cannot write (#12): what the engine's routing and the decision rest on is kept here, in
-- Stegvis' tables, and read from here where it is used — never from a process variable, which a user could have set.
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

-- What the calculation gave, whole kronor (Beräkna försörjningsstöd): the proposal's ceiling and the delegation's input.
alter table application add column calculated_amount bigint;

-- Beslutsförslag: one row per completed "Utred ansökan" that proposed a decision, numbered per application (a proposal
-- sent back by the approver is followed by a new one). The delegation table's answer and the attest are recorded on it;
-- "Registrera beslut" registers the latest proposal, and only when an attest it required is there.
create table decision_proposal (
    id                  uuid primary key,
    application_id      uuid          not null references application (id),
    round               integer       not null,               -- 1, 2, ... per application
    task_id             varchar(64)   not null unique,        -- the completed "Utred ansökan"
    kind                varchar(20)   not null,               -- BIFALL, DELVIS_BIFALL, AVSLAG
    amount              bigint        not null,               -- whole kronor
    calculated_amount   bigint        not null,               -- what the calculation gave when it was proposed
    reasons             varchar(4000),
    proposed_by         varchar(64)   not null,               -- the investigator (user id)
    proposed_at         timestamp with time zone not null,
    requires_attest     boolean,                              -- the delegation table's answer; null until asked
    attest_outcome      varchar(20),                          -- GODKANN, ATERVISA
    attested_by         varchar(64),                          -- the approver (user id)
    attested_at         timestamp with time zone,
    constraint decision_proposal_round unique (application_id, round)
);
