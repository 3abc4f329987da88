-- Row-level security on the last tables without it: the accounts (password hashes of every municipality), the
-- teams, the municipalities themselves and Spring Modulith's event publication registry (its serialised events
-- carry person ids). As for api_token (V63), a connection working for
-- a municipality sees and writes only that municipality's rows; only work done before anyone is logged in or
-- outside any municipality (no municipality set: the account lookup at login, the installation's first start,
-- the demo seeding and the jobs that walk all municipalities) reaches every row.

alter table app_user enable row level security;
alter table app_user force row level security;
create policy app_user_of_municipality on app_user
    using (municipality_id = current_municipality() or current_municipality() is null)
    with check (municipality_id = current_municipality() or current_municipality() is null);

alter table team enable row level security;
alter table team force row level security;
create policy team_of_municipality on team
    using (municipality_id = current_municipality() or current_municipality() is null)
    with check (municipality_id = current_municipality() or current_municipality() is null);

-- The municipalities are the public register of CBS codes and names: every municipality's work reads them (a transfer
-- names the receiving municipality by its code), but only an installation's own start adds one, and no
-- municipality's work changes another's row.
alter table municipality enable row level security;
alter table municipality force row level security;
create policy municipality_readable on municipality for select using (true);
create policy municipality_added_outside_any_municipality on municipality for insert
    with check (current_municipality() is null);
create policy municipality_changed_by_itself on municipality for update
    using (id = current_municipality() or current_municipality() is null)
    with check (id = current_municipality() or current_municipality() is null);
create policy municipality_removed_by_none on municipality for delete using (false);

-- An event is published within the work of a municipality (or of none: the system); the trigger records which,
-- from the connection's own setting, so no publisher can name another, and no update changes it. The registry's own rounds at start-up and
-- the completion by a listener of the same municipality see it; another municipality's work does not.
alter table event_publication add column municipality_id uuid references municipality (id);
create function event_publication_municipality() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        new.municipality_id := current_municipality();
    else
        new.municipality_id := old.municipality_id;
    end if;
    return new;
end
$$;
create trigger event_publication_of_current_municipality
    before insert or update on event_publication
    for each row execute function event_publication_municipality();
create index event_publication_municipality_idx on event_publication (municipality_id);

alter table event_publication enable row level security;
alter table event_publication force row level security;
create policy event_publication_of_municipality on event_publication
    using (municipality_id is null or municipality_id = current_municipality() or current_municipality() is null)
    with check (municipality_id is null or municipality_id = current_municipality()
                or current_municipality() is null);
