-- residents: need-to-know per team. A caseworker or team lead sees and changes only the files of the own team's
-- caseload, and the files shared with that team: by an active referral its member sent, or explicitly by a team
-- lead (person_share). The rule is enforced here, once, by row-level security: the application sets
-- meedoen.team_id on every borrowed connection for a caller in one of those roles (empty for everyone else: the
-- privacy officer, policy figures, jobs, demo data), and meedoen.today from its clock.

create function current_team() returns uuid
    language sql stable
as $$ select nullif(current_setting('meedoen.team_id', true), '')::uuid $$;

create function current_today() returns date
    language sql stable
as $$ select coalesce(nullif(current_setting('meedoen.today', true), '')::date, current_date) $$;

-- The municipality's choice: on by default (no row), off only by a team lead's setting.
create table residents_settings (
    municipality_id uuid primary key references municipality (id),
    need_to_know    boolean not null default true,
    version         integer not null default 0
);
alter table residents_settings enable row level security;
alter table residents_settings force row level security;
create policy residents_settings_of_municipality on residents_settings
    using (municipality_id = current_municipality()) with check (municipality_id = current_municipality());

-- An explicit share of a file with another team of the municipality, by a team lead of the file's team.
create table person_share (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    person_id       uuid not null references person (id),
    team_id         uuid not null references team (id),
    reason          text not null check (length(reason) between 1 and 1000),
    ends_on         date,                        -- the last day it holds; open-ended without
    shared_by       uuid not null,               -- the team lead (identity, id only)
    shared_on       date not null,
    revoked_on      date,
    revoked_by      uuid,
    version         integer not null default 0,
    created_at      timestamptz not null default now(),
    check (ends_on is null or ends_on >= shared_on),
    check ((revoked_on is null) = (revoked_by is null))
);
create index person_share_person_idx on person_share (person_id, team_id);
create unique index person_share_open_once on person_share (person_id, team_id) where revoked_on is null;
alter table person_share enable row level security;
alter table person_share force row level security;
create policy person_share_of_municipality on person_share
    using (municipality_id = current_municipality()) with check (municipality_id = current_municipality());

-- Whether a person's file is shared with a team today. Runs without a team (SET), so the tables it reads are seen
-- municipality-wide and their own need-to-know policies do not ask back.
create function person_shared_with(p uuid, t uuid) returns boolean
    language sql stable
    set meedoen.team_id = ''
as $$
    select exists (select 1 from person_share s
                   where s.person_id = p and s.team_id = t and s.revoked_on is null
                     and s.shared_on <= current_today() and (s.ends_on is null or s.ends_on >= current_today()))
        or exists (select 1 from referral r join app_user u on u.id = r.created_by
                   where r.person_id = p and u.team_id = t and r.status in ('SENT', 'ACCEPTED', 'STARTED'))
$$;

create policy person_need_to_know on person as restrictive
    using (current_team() is null
           or team_id = current_team()
           or not coalesce((select s.need_to_know from residents_settings s
                            where s.municipality_id = current_municipality()), true)
           or person_shared_with(id, current_team()));

-- Whether the caller may open the person's file: the one predicate every other table keyed by person uses.
create function person_open(p uuid) returns boolean
    language sql stable
as $$ select exists (select 1 from person where id = p) $$;

-- Every table of the modules that holds a person's data follows the file. Not: the processing log (the privacy
-- officer's, and append-only), a departure and a transfer (seen by two municipalities), a volunteer (not a file),
-- the name tokens (searched only together with person).
do $$
declare
    t text;
begin
    for t in
        select c.table_name from information_schema.columns c
        join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
        where c.table_schema = 'public' and c.column_name = 'person_id' and tb.table_type = 'BASE TABLE'
          and c.table_name not in ('audit_entry', 'person_departure', 'trajectory_transfer', 'volunteer',
                                   'person_name_token', 'retention_run')
          and c.table_name not like 'audit%'
        order by 1
    loop
        execute format('create policy %I on %I as restrictive using '
                       '(current_team() is null or person_id is null or person_open(person_id))',
                       t || '_need_to_know', t);
    end loop;
end
$$;
