-- exchange: the COA match list (koppellijst) import. A file is uploaded and previewed (per row: new person, existing
-- person or error), then confirmed once: persons, households and housing matches are written in one transaction.
-- The file itself is kept only until it is confirmed; the remarks of the COA profile are kept per person as
-- sensitive data, shown only to the person's own team.

create table coa_import (
    id               uuid not null,
    municipality_id  uuid not null references municipality (id),
    team_id          uuid,                         -- the uploader's team: only that team confirms or sees it
    uploaded_by      uuid not null,                -- identity, id only
    file_name        text not null check (length(file_name) between 1 and 255),
    file_sha256      text not null check (length(file_sha256) = 64),
    content          bytea,                        -- the file as uploaded; cleared once confirmed
    rows_total       integer not null check (rows_total >= 0),
    rows_error       integer not null check (rows_error >= 0),
    status           text not null default 'PREVIEWED' check (status in ('PREVIEWED', 'CONFIRMED')),
    result           jsonb,                        -- the counts of the confirmation
    uploaded_at      timestamptz not null default now(),
    confirmed_at     timestamptz,
    version          integer not null default 0,
    check ((status = 'CONFIRMED') = (confirmed_at is not null)),
    check (status = 'PREVIEWED' or content is null),
    primary key (id, municipality_id)
);
create index coa_import_team_idx on coa_import (municipality_id, team_id, uploaded_at desc);

-- The preview per row: what the confirmation will do, and the version of an existing file it saw.
create table coa_import_row (
    municipality_id  uuid not null references municipality (id),
    import_id        uuid not null,
    line             integer not null,
    outcome          text not null check (outcome in ('NEW', 'EXISTING', 'ERROR')),
    field            text,
    message_key      text,
    person_id        uuid,                         -- an existing file; owned by residents, id only
    person_version   integer,
    household_key    text,
    primary key (import_id, line, municipality_id),
    foreign key (import_id, municipality_id) references coa_import (id, municipality_id) on delete cascade,
    check ((outcome = 'ERROR') = (message_key is not null)),
    check ((outcome = 'EXISTING') = (person_id is not null))
);

-- How far a confirmation has come, written in its own short transactions so another request sees it.
create table coa_import_progress (
    import_id        uuid not null,
    municipality_id  uuid not null references municipality (id),
    rows_done        integer not null default 0,
    updated_at       timestamptz not null default now(),
    primary key (import_id, municipality_id),
    foreign key (import_id, municipality_id) references coa_import (id, municipality_id) on delete cascade
);

-- The COA profile's remarks on health, education and work: sensitive, one text per person, the latest list's.
create table coa_remark (
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,                -- owned by residents, id only
    remark           text not null check (length(remark) between 1 and 2000),
    import_id        uuid not null,
    recorded_on      date not null,
    primary key (person_id, municipality_id),
    foreign key (import_id, municipality_id) references coa_import (id, municipality_id)
);

do $$
declare
    t text;
begin
    foreach t in array array['coa_import', 'coa_import_row', 'coa_import_progress', 'coa_remark'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;

-- Keys by the distribution rule (docs/scale-out.md); the tables above already follow it, so this changes nothing.
select distribution_keys();
