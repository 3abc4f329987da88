-- referrals: a person referred to a provision of a partner, with the data shared, the consent or other legal
-- basis for sharing it, and the lifecycle DRAFT -> SENT -> ACCEPTED | DECLINED -> STARTED -> COMPLETED |
-- DROPPED_OUT, or WITHDRAWN by the caseworker. Every transition is kept with its date and actor.

-- A municipality's own rules; a municipality without a row uses the defaults (14 days for a partner response).
create table referral_setting (
    municipality_id  uuid primary key references municipality (id),
    response_days    integer not null default 14 check (response_days between 1 and 365)
);

create table referral (
    id                   uuid primary key,
    municipality_id      uuid not null references municipality (id),
    person_id            uuid not null,          -- owned by residents; id only
    provision_id         uuid not null,          -- owned by provisions; id only
    partner_id           uuid not null,          -- owned by provisions; id only
    purpose              text not null check (length(purpose) between 1 and 1000),
    shared_fields        text[] not null check (cardinality(shared_fields) >= 1),
    consent_given_on     date,
    consent_valid_until  date,
    legal_basis          text check (length(legal_basis) <= 500),
    status               text not null check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'STARTED',
                             'COMPLETED', 'DROPPED_OUT', 'WITHDRAWN')),
    status_reason        text check (length(status_reason) <= 1000),
    status_on            date not null,
    sent_on              date,
    override_reason      text check (length(override_reason) <= 1000),
    overridden_by        uuid,
    created_by           uuid not null,
    created_at           timestamptz not null default now(),
    version              integer not null default 0,
    check (consent_valid_until is null or consent_given_on is not null),
    check (consent_valid_until is null or consent_valid_until >= consent_given_on)
);
create index referral_person_idx on referral (municipality_id, person_id);
create index referral_partner_idx on referral (municipality_id, partner_id, status);
create index referral_status_idx on referral (municipality_id, status, sent_on);

create table referral_transition (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    referral_id      uuid not null references referral (id),
    from_status      text,
    to_status        text not null,
    on_date          date not null,
    at               timestamptz not null default now(),
    actor_id         uuid,
    actor_name       text not null,
    actor_role       text,
    reason           text check (length(reason) <= 1000)
);
create index referral_transition_referral_idx on referral_transition (municipality_id, referral_id, at);

do $$
declare
    t text;
begin
    foreach t in array array['referral_setting', 'referral', 'referral_transition']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
