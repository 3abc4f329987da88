-- Retention: per record type a period after the file is closed, chosen by the municipality (a municipality without
-- a row uses the defaults in nl.meedoen.audit.RetainedData implementations, documented in docs/privacy.md), and a
-- record of every run.
create table retention_setting (
    municipality_id uuid    not null references municipality (id),
    record_type     text    not null check (record_type ~ '^[a-z_]+\.[a-z_]+$'),
    months          integer not null check (months between 1 and 1200),
    version         integer not null default 0,
    primary key (municipality_id, record_type)
);

create table retention_run (
    id              uuid primary key,
    municipality_id uuid        not null references municipality (id),
    at              timestamptz not null,
    actor           text        not null,
    items           jsonb       not null
);
create index retention_run_at_idx on retention_run (municipality_id, at desc);

do $$
declare
    t text;
begin
    foreach t in array array['retention_setting', 'retention_run']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;

-- An anonymised person keeps municipality, category, gender, nationality, the year of birth and the dates monitoring
-- counts by; names, BSN, V-number, contact details and address go. The file must then name neither number.
alter table person add column anonymised_on date;
alter table person drop constraint person_check;
alter table person add constraint person_identified_unless_anonymised
    check (bsn is not null or v_number is not null or anonymised_on is not null);
