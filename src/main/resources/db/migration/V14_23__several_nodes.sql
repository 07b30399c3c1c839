-- What several Stegvis nodes on one database share beyond the engine's tables (docs/drift.md, "Several nodes").
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

-- Work that must happen once in the whole installation, however many nodes run: the daily payment file.
-- The node that inserts the day's row does the work in the same transaction; another node's insert waits for that
-- transaction and then fails on the key, so that node skips. If the work fails, its row goes with the rollback and
-- another node may do it. Written by config/OncePerDay.
create table scheduled_run (
    job         varchar(50)   not null,                       -- e.g. betalfil
    run_on      date          not null,                       -- the day the work is for
    node        varchar(100)  not null,                       -- who did it (host and process id)
    started_at  timestamp with time zone not null,
    primary key (job, run_on)
);

-- The Camunda webapps' HTTP sessions (Tasklist, Cockpit, Admin logins and their CSRF tokens), kept by Spring Session
-- JDBC so that a request may land on any node. Spring Session's own schema (schema-postgresql.sql), which it
-- does not create by itself on PostgreSQL (spring.session.jdbc.initialize-schema: never).
create table spring_session (
    primary_id              char(36)      not null,
    session_id              char(36)      not null,
    creation_time           bigint        not null,
    last_access_time        bigint        not null,
    max_inactive_interval   integer       not null,
    expiry_time             bigint        not null,
    principal_name          varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
-- A request's session by its cookie; the cleanup of expired sessions; a user's sessions.
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36)      not null,
    attribute_name      varchar(200)  not null,
    attribute_bytes     bytea         not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
        on delete cascade
);
