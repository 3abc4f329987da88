-- monitoring: maintained aggregates of the indicators. The nightly job (and an administrator on request) computes every
-- indicator of the kept periods with the live engine and stores its raw figure here, before suppression: per
-- municipality, period and scope (scope_id = the municipality's own id for the whole municipality, or a team's id for
-- that team's caseload), the amount and the persons it rests on. Suppression is applied when read, as for the live
-- figures. Nothing about a single person is stored: the smallest row is a team's count.
create table indicator_aggregate (
    municipality_id  uuid not null references municipality (id),
    period           text not null check (period ~ '^[0-9]{4}(-H[12])?$'),
    scope_id         uuid not null,            -- the municipality's id, or identity's team id (id only)
    code             text not null check (code ~ '^[A-Z][A-Z0-9_]{1,59}$'),
    amount           numeric not null,
    persons          bigint not null check (persons >= 0),
    computed_at      timestamptz not null,
    primary key (municipality_id, scope_id, period, code)
);
-- the national sum reads one period's municipality-wide rows of every municipality
create index indicator_aggregate_national_idx on indicator_aggregate (period, code)
    include (amount, persons, computed_at) where scope_id = municipality_id;

-- One row per refresh of a municipality: who started it, how many periods and scopes, how long it took.
create table indicator_refresh (
    run_id           uuid not null,
    municipality_id  uuid not null references municipality (id),
    trigger          text not null check (trigger in ('NIGHTLY', 'ADMIN')),
    periods          integer not null,
    scopes           integer not null,
    millis           bigint not null,
    finished_at      timestamptz not null default now(),
    primary key (run_id, municipality_id)
);
create index indicator_refresh_latest_idx on indicator_refresh (municipality_id, finished_at);

do $$
declare
    t text;
begin
    foreach t in array array['indicator_aggregate', 'indicator_refresh']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;

-- The national aggregate (GET /api/v1/indicators/national, administrators): per indicator the sum over every
-- municipality's municipality-wide aggregate of one period. The application role sees only the current
-- municipality's rows, so this is a security-definer function; it answers sums across all municipalities only, never
-- a municipality's own figure, and the caller suppresses the sums as for a policy officer. weighted is
-- sum(amount * persons), from which an average over all persons follows; a median cannot be summed and is left out by
-- the caller.
create function indicator_national(asked text)
    returns table (code text, amount numeric, weighted numeric, persons numeric, municipalities bigint,
                   oldest timestamptz)
    language sql stable security definer set search_path = public
as $$
    select a.code, sum(a.amount), sum(a.amount * a.persons), sum(a.persons), count(*), min(a.computed_at)
    from indicator_aggregate a
    where a.period = asked and a.scope_id = a.municipality_id
    group by a.code
$$;

revoke all on function indicator_national(text) from public;
grant execute on function indicator_national(text) to meedoen_app;

-- Keys by the distribution rule (docs/scale-out.md).
select distribution_keys();
