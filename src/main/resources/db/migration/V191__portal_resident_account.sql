-- Mijn Meedoen (portal): the role RESIDENT and the link of a resident's account to exactly one person file. The
-- municipality is the person's; the row carries it for row-level security and distribution.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('CASEWORKER', 'TEAM_LEAD', 'POLICY_OFFICER', 'PARTNER', 'PRIVACY_OFFICER', 'ADMIN',
                    'VOLUNTEER_COORDINATOR', 'RESIDENT'));

-- Distributed by municipality_id like every municipality's table (docs/scale-out.md): the key and the link to the
-- person include it; one account has one link (primary key), one person at most one account (unique).
create table resident_account (
    account_id       uuid not null references app_user (id) on delete cascade,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,
    created_at       timestamptz not null default now(),
    primary key (account_id, municipality_id),
    constraint resident_account_person_once unique (person_id, municipality_id),
    foreign key (person_id, municipality_id) references person (id, municipality_id)
);
create index resident_account_municipality_idx on resident_account (municipality_id);

alter table resident_account enable row level security;
alter table resident_account force row level security;
create policy resident_account_of_municipality on resident_account
    using (municipality_id = current_municipality() or current_municipality() is null)
    with check (municipality_id = current_municipality() or current_municipality() is null);
create policy resident_account_need_to_know on resident_account as restrictive
    using (current_team() is null or person_open(person_id));

select distribution_keys();
