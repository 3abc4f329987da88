-- Mijn Meedoen (portal): the activation letter a caseworker prints from the file. It carries a one-time code valid for
-- 30 days; only the SHA-256 hash of the code is stored (the code itself is never in the database or the log). The
-- letter names the username the resident logs in with. A letter works once (used_at) and is blocked after a few wrong
-- codes for its username (failed_attempts). A new letter for the person replaces the ones before (revoked_at).
create table activation_letter (
    id               uuid not null,
    municipality_id  uuid not null references municipality (id),
    person_id        uuid not null,
    username         text not null,
    code_hash        text not null,
    created_at       timestamptz not null,
    created_by       text not null,
    expires_at       timestamptz not null,
    used_at          timestamptz,
    revoked_at       timestamptz,
    failed_attempts  integer not null default 0 check (failed_attempts >= 0),
    version          bigint not null default 0,
    primary key (id, municipality_id),
    foreign key (person_id, municipality_id) references person (id, municipality_id)
);
create index activation_letter_person_idx on activation_letter (person_id, municipality_id);
create index activation_letter_username_idx on activation_letter (username);
create index activation_letter_municipality_idx on activation_letter (municipality_id);

alter table activation_letter enable row level security;
alter table activation_letter force row level security;
create policy activation_letter_of_municipality on activation_letter
    using (municipality_id = current_municipality() or current_municipality() is null)
    with check (municipality_id = current_municipality() or current_municipality() is null);
create policy activation_letter_need_to_know on activation_letter as restrictive
    using (current_team() is null or person_open(person_id));

select distribution_keys();
