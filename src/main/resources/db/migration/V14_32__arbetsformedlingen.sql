-- Notices to Arbetsförmedlingen under the aktivitetskrav (issue #11 point 4): the outbox, and the local stand-in's inbox.

create table af_notice (                                       -- avisering till Arbetsförmedlingen
    id                  uuid primary key,
    event_key           varchar(100)  not null,                -- one notice per event: OMFATTAS:<id>, PLAN:<id>:<version>
    kind                varchar(40)   not null,                -- KLIENT_OMFATTAS, PLANENS_AKTIVITETER_ANDRADE
    client_id           uuid          not null references client (id),
    process_instance_id varchar(64),                           -- the journey, where an incident is raised
    content             varchar(2000) not null,                -- JSON without personal data
    status              varchar(20)   not null,                -- VANTAR, SKICKAD, OBESVARAD
    attempts            integer       not null,
    next_attempt_at     timestamp with time zone not null,
    last_error          varchar(600),
    incident_id         varchar(64),
    created_at          timestamp with time zone not null,
    sent_at             timestamp with time zone,
    receipt             varchar(100),                          -- AF's receipt
    version             bigint        not null,
    constraint af_notice_once unique (event_key)
);
create index af_notice_due on af_notice (status, next_attempt_at);
create index af_notice_client on af_notice (client_id);

create table af_local_inbox (                                  -- the local stand-in: what AF would have received
    notice_id       uuid primary key,
    personnummer    varchar(12)   not null,
    kind            varchar(40)   not null,
    content         varchar(2000) not null,
    receipt         varchar(100)  not null,
    received_at     timestamp with time zone not null
);
