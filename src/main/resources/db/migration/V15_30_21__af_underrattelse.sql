-- Arbetsförmedlingen's notice that a programme participant risks too little occupation (issue #11 point 4, inbound):
-- received once per AF reference; the coach follows it up in the journey ("Följ upp besked från Arbetsförmedlingen").
-- No personnummer is stored: the client is found by it when the notice arrives.

create table af_inbound_notice (                               -- underrättelse från Arbetsförmedlingen
    id                  uuid primary key,
    reference           varchar(100)  not null,                -- AF's reference: the idempotency key
    kind                varchar(40)   not null,                -- RISK_FOR_LITE_SYSSELSATTNING
    client_id           uuid          not null references client (id),
    journey_id          uuid,                                  -- the journey whose coach follows it up
    notice_date         date          not null,                -- the day AF made its assessment
    occupation_hours    integer,                               -- AF's figure: hours per week in the programme
    received_at         timestamp with time zone not null,
    received_by         varchar(64)   not null,                -- the AF integration's user
    status              varchar(20)   not null,                -- MOTTAGEN, UPPFOLJD
    action              varchar(40),                           -- what the coach did
    followed_up_by      varchar(64),
    followed_up_at      timestamp with time zone,
    constraint af_inbound_notice_once unique (reference)
);
create index af_inbound_notice_client on af_inbound_notice (client_id);
