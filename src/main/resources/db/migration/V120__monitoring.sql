-- monitoring: the policy monitor. Per municipality its settings (the small-count threshold, whether it takes part in
-- the benchmark) and the national reference figures its administrator keeps, each with its source. The indicators
-- themselves are computed from the owning modules' tables when asked; nothing about a person is stored here.

create table monitoring_setting (
    municipality_id        uuid primary key references municipality (id),
    suppression_threshold  integer not null default 5 check (suppression_threshold between 3 and 50),
    benchmark_opt_in       boolean not null default false,
    version                integer not null default 0
);

-- A national figure to compare against: for an indicator (code) or a cohort measure after a number of months
-- (code COHORT_<measure>_<months>), with where it comes from.
create table reference_figure (
    municipality_id  uuid not null references municipality (id),
    code             text not null check (code ~ '^[A-Z0-9_]{2,60}$'),
    value            numeric(7, 1) not null check (value >= 0 and value <= 100000),
    source           text not null check (length(source) between 1 and 500),
    version          integer not null default 0,
    primary key (municipality_id, code)
);

do $$
declare
    t text;
begin
    foreach t in array array['monitoring_setting', 'reference_figure']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
