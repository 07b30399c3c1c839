-- The national aktivitetskrav (issue #11): recorded exemptions and the events of becoming covered.

create table activity_exemption (                              -- undantag från aktivitetskravet, med underlag
    id              uuid primary key,
    client_id       uuid          not null references client (id),
    ground          varchar(40)   not null,                    -- ExemptionGround (never an age ground: those are derived)
    valid_from      date          not null,
    valid_to        date,                                      -- the last day; null: until further notice
    evidence        varchar(500)  not null,                    -- what the coach or caseworker saw
    recorded_by     varchar(64)   not null,
    recorded_at     timestamp with time zone not null
);
create index activity_exemption_client on activity_exemption (client_id);

create table activity_coverage (                               -- klienten omfattas av aktivitetskravet från en månad
    id              uuid primary key,
    client_id       uuid          not null references client (id),
    covered_from    varchar(7)    not null,                    -- YYYY-MM
    recorded_at     timestamp with time zone not null,
    plan_request    varchar(30),                               -- REVIDERA_PLANERING, PLANERING_PAGAR, INGEN_KLIENTRESA
    constraint activity_coverage_once unique (client_id, covered_from)
);
