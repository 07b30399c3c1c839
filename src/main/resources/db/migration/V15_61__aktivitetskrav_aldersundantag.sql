-- Age-derived exemptions from the aktivitetskrav, counted in the key figures (issue #11): recorded when a grant
-- completes the consecutive months that would make a client covered but the client is under 18 or has reached the
-- pension age (derived from the personnummer when the grant is sent; the personnummer itself is not copied).
-- Once per client, run (the month the requirement would have applied from) and ground.
-- Portable SQL: runs on PostgreSQL (production, tests) and H2 (the embedded default).

create table activity_age_exemption (                          -- undantagen från aktivitetskravet på grund av ålder
    id              uuid primary key,
    client_id       uuid          not null references client (id),
    ground          varchar(40)   not null,                    -- ExemptionGround UNDER_18 or PENSIONSALDER
    covered_from    varchar(7)    not null,                    -- YYYY-MM: the month the requirement would have applied from
    valid_from      date          not null,                    -- that month's first day, or the pension-age birthday if later
    valid_to        date,                                      -- under 18: the day before the 18th birthday; null: no end
    recorded_at     timestamp with time zone not null,
    constraint activity_age_exemption_once unique (client_id, covered_from, ground),
    constraint activity_age_exemption_ground check (ground in ('UNDER_18', 'PENSIONSALDER'))
);
create index activity_age_exemption_client on activity_age_exemption (client_id);
