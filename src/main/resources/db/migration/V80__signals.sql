-- signals: early signalling. The rules' settings per municipality, the signals they raise (once per person, rule and
-- occasion) with their lifecycle, and outreach reports about residents who are not yet known to Meedoen.

-- A municipality's choices per rule (on/off, thresholds); a rule without an entry uses its defaults (see
-- SignalSettings). One row per municipality, versioned: the settings page and PUT /api/v1/signal-settings change
-- it as a whole.
create table signal_setting (
    municipality_id  uuid primary key references municipality (id),
    rules            jsonb not null default '{}',
    version          integer not null default 0
);

-- A concern about a resident reported by a partner, the social team or a caseworker: a minimal registration that
-- leads to a first conversation and, if the resident wants, a file.
create table outreach_report (
    id                  uuid primary key,
    municipality_id     uuid not null references municipality (id),
    description         text not null check (length(description) between 1 and 2000),
    contact             text check (length(contact) <= 500),
    agreed_to_contact   boolean not null,
    status              text not null default 'REPORTED'
                        check (status in ('REPORTED', 'CONTACTED', 'FILE_OPENED', 'CLOSED')),
    outcome_note        text check (length(outcome_note) <= 1000),
    person_id           uuid,                        -- owned by residents; id only, once a file is opened
    reported_by         uuid not null,
    reported_by_role    text not null,
    partner_id          uuid,                        -- the reporting partner organisation, for its own view
    reported_on         date not null,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    check (status <> 'FILE_OPENED' or person_id is not null)
);
create index outreach_report_partner_idx on outreach_report (municipality_id, partner_id, created_at);
create index outreach_report_reporter_idx on outreach_report (municipality_id, reported_by, created_at);

create table signal (
    id                  uuid primary key,
    municipality_id     uuid not null references municipality (id),
    person_id           uuid,                        -- owned by residents; id only (absent for an outreach report)
    outreach_report_id  uuid references outreach_report (id),
    rule                text not null,
    occasion            text not null check (length(occasion) between 1 and 200),
    severity            text not null check (severity in ('HIGH', 'MEDIUM', 'LOW')),
    facts               jsonb not null default '{}',
    since               date not null,
    raised_on           date not null,
    status              text not null default 'OPEN' check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'DISMISSED')),
    snoozed_until       date,
    note                text check (length(note) <= 1000),
    resolved_by_itself  boolean not null default false,
    closed_on           date,
    owner_user_id       uuid,                        -- the person's caseworker (trajectories), if any
    owner_team_id       uuid,                        -- the person's team (residents)
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    check (person_id is not null or outreach_report_id is not null),
    check ((status in ('RESOLVED', 'DISMISSED')) = (closed_on is not null)),
    check (status <> 'DISMISSED' or note is not null)
);
-- Raised once per person, rule and occasion, whatever became of it.
create unique index signal_once on signal (municipality_id, rule, person_id, occasion);
create unique index signal_outreach_once on signal (outreach_report_id) where outreach_report_id is not null;
create index signal_open_rule_idx on signal (municipality_id, rule) where status in ('OPEN', 'ACKNOWLEDGED');
create index signal_owner_idx on signal (municipality_id, owner_user_id, status);
create index signal_team_idx on signal (municipality_id, owner_team_id, status);
create index signal_person_idx on signal (municipality_id, person_id) where status in ('OPEN', 'ACKNOWLEDGED');

-- Each evaluation of a whole municipality (the nightly run or an administrator's), with its figures.
create table signal_run (
    run_id              uuid not null,
    municipality_id     uuid not null references municipality (id),
    trigger             text not null check (trigger in ('NIGHTLY', 'ADMIN')),
    evaluated_on        date not null,
    evaluated_persons   integer not null,
    raised              integer not null,
    resolved            integer not null,
    millis              bigint not null,
    finished_at         timestamptz not null default now(),
    primary key (run_id, municipality_id)
);
create index signal_run_municipality_idx on signal_run (municipality_id, finished_at desc);

do $$
declare
    t text;
begin
    foreach t in array array['signal_setting', 'outreach_report', 'signal', 'signal_run']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
