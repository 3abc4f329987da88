-- identity: when each user last opened the start page, for its "since the last visit" counts. A visit is a working
-- session: opening the start page again within the hour keeps the previous visit.
create table start_page_visit (
    municipality_id  uuid not null references municipality (id),
    user_id          uuid not null references app_user (id) on delete cascade,
    previous_visit   timestamptz,
    last_visit       timestamptz not null,
    primary key (municipality_id, user_id)
);

alter table start_page_visit enable row level security;
alter table start_page_visit force row level security;
create policy start_page_visit_of_municipality on start_page_visit using (municipality_id = current_municipality())
    with check (municipality_id = current_municipality());
