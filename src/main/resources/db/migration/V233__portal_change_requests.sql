-- Mijn Meedoen (portal): a change of phone, e-mail or address the resident reports. It waits (PENDING) until a
-- caseworker of the file accepts it, which changes the file through the residents module, or rejects it, which
-- leaves the file as it is. The values asked for are kept with the request; a decided request is never changed.
create table change_request (
    id               uuid not null,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,
    phone            text check (length(phone) <= 50),
    email            text check (length(email) <= 254),
    street           text check (length(street) <= 200),
    house_number     text check (length(house_number) <= 20),
    postcode         text check (length(postcode) <= 10),
    city             text check (length(city) <= 100),
    status           text not null check (status in ('PENDING', 'ACCEPTED', 'REJECTED')),
    requested_at     timestamptz not null,
    decided_at       timestamptz,
    decided_by       uuid,
    decision_note    text check (length(decision_note) <= 1000),
    version          integer not null default 0,
    primary key (id, municipality_id),
    foreign key (person_id, municipality_id) references person (id, municipality_id),
    check (phone is not null or email is not null or street is not null),
    check ((status = 'PENDING') = (decided_at is null))
);
create index change_request_person_idx on change_request (person_id, municipality_id, requested_at desc);
create index change_request_pending_idx on change_request (municipality_id, person_id) where status = 'PENDING';

alter table change_request enable row level security;
alter table change_request force row level security;
create policy change_request_of_municipality on change_request
    using (municipality_id = current_municipality())
    with check (municipality_id = current_municipality());
create policy change_request_need_to_know on change_request as restrictive
    using (current_team() is null or person_open(person_id));

select distribution_keys();
