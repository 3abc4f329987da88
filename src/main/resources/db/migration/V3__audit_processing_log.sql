-- The processing log (Logboek Dataverwerkingen): one entry per read or change of a person's file.
-- Append-only, and chained per municipality: each entry carries the hash of the previous one, so a changed,
-- removed or inserted row breaks the chain and the verification finds it.
create table audit_entry (
    municipality_id uuid not null references municipality (id),
    seq             bigint not null,
    at              timestamptz not null,
    actor           text not null,
    actor_role      text,
    action          text not null,
    person_id       uuid,
    purpose         text not null,
    trace_id        text,
    prev_hash       char(64) not null,
    hash            char(64) not null,
    primary key (municipality_id, seq)
);
create index audit_entry_person_idx on audit_entry (municipality_id, person_id, seq desc);

-- The newest link of each municipality's chain; its row lock serialises appends per municipality.
create table audit_chain (
    municipality_id uuid primary key references municipality (id),
    seq             bigint not null,
    hash            char(64) not null
);

create function audit_entry_is_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'the processing log is append-only: % is not allowed', tg_op;
end
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

revoke update, delete, truncate on audit_entry from meedoen_app;

alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy audit_entry_of_municipality on audit_entry
    using (municipality_id = current_municipality())
    with check (municipality_id = current_municipality());

alter table audit_chain enable row level security;
alter table audit_chain force row level security;
create policy audit_chain_of_municipality on audit_chain
    using (municipality_id = current_municipality())
    with check (municipality_id = current_municipality());
