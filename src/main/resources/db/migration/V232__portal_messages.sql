-- Mijn Meedoen (portal): the secure exchange of text messages between the resident and the caseworkers of the file.
-- A message is read by the other side (read_at): the resident's by staff of the file's team, staff's by the resident.
-- The author is an account (id only) with its role at the time; nothing is ever changed but read_at.
create table portal_message (
    id               uuid not null,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,
    from_resident    boolean not null,
    author_id        uuid not null,
    author_role      text not null check (author_role in ('RESIDENT', 'CASEWORKER', 'TEAM_LEAD')),
    body             text not null check (length(body) between 1 and 2000),
    sent_at          timestamptz not null,
    read_at          timestamptz,
    primary key (id, municipality_id),
    foreign key (person_id, municipality_id) references person (id, municipality_id),
    check (from_resident = (author_role = 'RESIDENT'))
);
create index portal_message_person_idx on portal_message (person_id, municipality_id, sent_at);
create index portal_message_unread_idx on portal_message (municipality_id, person_id, from_resident)
    where read_at is null;

alter table portal_message enable row level security;
alter table portal_message force row level security;
create policy portal_message_of_municipality on portal_message
    using (municipality_id = current_municipality())
    with check (municipality_id = current_municipality());
create policy portal_message_need_to_know on portal_message as restrictive
    using (current_team() is null or person_open(person_id));

select distribution_keys();
