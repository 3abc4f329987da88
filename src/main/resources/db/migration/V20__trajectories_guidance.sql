-- trajectories: social guidance (maatschappelijke begeleiding) of a person, its extension requests with the team
-- lead's decision, and the closing handover decision. Durations are municipality settings.

-- A municipality's own durations; a municipality without a row uses the defaults (6 months, 3 more once).
create table trajectory_setting (
    municipality_id   uuid primary key references municipality (id),
    guidance_months   integer not null default 6 check (guidance_months between 1 and 24),
    extension_months  integer not null default 3 check (extension_months between 1 and 12)
);

create table guidance (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,              -- owned by residents; id only
    start_date       date not null,
    end_date         date not null,
    status           text not null check (status in ('ACTIVE', 'CLOSED')),
    closed_on        date,
    handover         text check (handover in ('LOCAL_POLICY', 'NO_FOLLOW_UP')),
    handover_reason  text check (length(handover_reason) <= 1000),
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    check (end_date > start_date),
    check ((status = 'CLOSED') = (closed_on is not null and handover is not null)),
    check (handover is distinct from 'NO_FOLLOW_UP' or handover_reason is not null)
);
-- One guidance per person.
create unique index guidance_person_unique on guidance (municipality_id, person_id);

create table guidance_extension_request (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    guidance_id      uuid not null references guidance (id),
    months           integer not null check (months between 1 and 12),
    reason           text not null check (length(reason) between 1 and 1000),
    status           text not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by     uuid not null,
    requested_at     timestamptz not null default now(),
    decided_by       uuid,
    decided_at       timestamptz,
    decision_note    text check (length(decision_note) <= 1000)
);
create index guidance_extension_request_guidance_idx on guidance_extension_request (municipality_id, guidance_id);
-- At most one approved extension per guidance.
create unique index guidance_extension_approved_once on guidance_extension_request (guidance_id)
    where status = 'APPROVED';

do $$
declare
    t text;
begin
    foreach t in array array['trajectory_setting', 'guidance', 'guidance_extension_request']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
