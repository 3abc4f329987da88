-- The processing log no longer serialises a municipality. A request appends its entry with a number from a
-- database sequence, in its own transaction, and waits on nothing; one chaining step (a job every few seconds, and
-- on demand before a verification) links the committed entries in order with a keyed hash (HMAC-SHA256, the key
-- lives outside the database). The links and the head are written only through the two security-definer
-- functions below: the application role may read them, never change them directly.

create sequence audit_entry_seq;
select setval('audit_entry_seq', coalesce((select max(seq) from audit_entry), 0) + 1, false);
grant usage, select on sequence audit_entry_seq to meedoen_app;

alter table audit_entry alter column seq set default nextval('audit_entry_seq');
-- The SHA-256 columns of the first design stay for the entries written then; new entries are chained in audit_link.
alter table audit_entry alter column prev_hash drop not null;
alter table audit_entry alter column hash drop not null;
-- The writing transaction: every entry of a transaction older than the oldest one still running is visible or
-- never will be, so the chaining step looks only at entries of younger transactions.
alter table audit_entry add column xid xid8;
alter table audit_entry alter column xid set default pg_current_xact_id();
create index audit_entry_xid_idx on audit_entry (municipality_id, xid);

drop table audit_chain;

-- One link per entry, in the order the chaining step saw them committed: the HMAC of the previous link's hash and
-- the entry's content. A changed or removed entry, or a removed or reordered link, breaks the recomputation.
create table audit_link (
    municipality_id uuid   not null references municipality (id),
    link_seq        bigint not null,
    entry_seq       bigint not null,
    hash            char(64) not null,
    primary key (municipality_id, link_seq),
    unique (municipality_id, entry_seq)
);

-- The newest link of each municipality's chain. base_* is where the chain starts after the log's own retention
-- removed its oldest entries; linked_below is the chaining step's watermark (see audit_entry.xid).
create table audit_head (
    municipality_id uuid primary key references municipality (id),
    link_seq        bigint   not null,
    hash            char(64) not null,
    base_position   bigint   not null,
    base_hash       char(64) not null,
    linked_below    xid8
);

revoke insert, update, delete, truncate on audit_link from meedoen_app;
revoke insert, update, delete, truncate on audit_head from meedoen_app;
grant select on audit_link, audit_head to meedoen_app;

alter table audit_link enable row level security;
alter table audit_link force row level security;
create policy audit_link_of_municipality on audit_link
    using (municipality_id = current_municipality())
    with check (municipality_id = current_municipality());
alter table audit_head enable row level security;
alter table audit_head force row level security;
create policy audit_head_of_municipality on audit_head
    using (municipality_id = current_municipality())
    with check (municipality_id = current_municipality());

-- Links can only be appended and the log only pruned from its oldest end, and only through these functions.
create function audit_link_is_append_only() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'DELETE' and current_user <> 'meedoen_app'
            and current_setting('meedoen.audit_pruning', true) = 'on' then
        return old;
    end if;
    raise exception 'the processing log is append-only: % is not allowed', tg_op;
end
$$;
create trigger audit_link_no_update_or_delete
    before update or delete on audit_link
    for each row execute function audit_link_is_append_only();
create trigger audit_link_no_truncate
    before truncate on audit_link
    for each statement execute function audit_link_is_append_only();

-- The log's own retention may remove its oldest entries (prefix only, see audit_prune).
create or replace function audit_entry_is_append_only() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'DELETE' and current_user <> 'meedoen_app'
            and current_setting('meedoen.audit_pruning', true) = 'on' then
        return old;
    end if;
    raise exception 'the processing log is append-only: % is not allowed', tg_op;
end
$$;

-- Locks the municipality's head for the chaining step (created at the genesis on first use) and answers it.
create function audit_lock_head(m uuid)
    returns table (link_seq bigint, hash char(64), base_position bigint, linked_below text)
    language plpgsql security definer set search_path = public
as $$
begin
    if m is distinct from current_municipality() then
        raise exception 'audit_lock_head: not the current municipality';
    end if;
    insert into audit_head (municipality_id, link_seq, hash, base_position, base_hash)
    values (m, 0, repeat('0', 64), 0, repeat('0', 64))
    on conflict do nothing;
    return query select h.link_seq, h.hash, h.base_position, h.linked_below::text
                 from audit_head h where h.municipality_id = m for update;
end
$$;

-- Appends links for entries that exist and are not linked yet, right after the locked head, and moves the head.
create function audit_append_links(m uuid, after_position bigint, entry_seqs bigint[], hashes text[],
                                   watermark text)
    returns void
    language plpgsql security definer set search_path = public
as $$
declare
    head_position bigint;
    n int := coalesce(cardinality(entry_seqs), 0);
begin
    if m is distinct from current_municipality() then
        raise exception 'audit_append_links: not the current municipality';
    end if;
    if n <> coalesce(cardinality(hashes), 0) then
        raise exception 'audit_append_links: one hash per entry';
    end if;
    select h.link_seq into head_position from audit_head h where h.municipality_id = m for update;
    if head_position is distinct from after_position then
        raise exception 'audit_append_links: the head moved';
    end if;
    if n > 0 then
        if (select count(*) from audit_entry e where e.municipality_id = m and e.seq = any (entry_seqs)) <> n then
            raise exception 'audit_append_links: unknown entry';
        end if;
        insert into audit_link (municipality_id, link_seq, entry_seq, hash)
        select m, after_position + i, entry_seqs[i], hashes[i] from generate_subscripts(entry_seqs, 1) as i;
        update audit_head set link_seq = after_position + n, hash = hashes[n] where municipality_id = m;
    end if;
    if watermark is not null then
        update audit_head set linked_below = watermark::xid8 where municipality_id = m;
    end if;
end
$$;

-- The log's own retention: removes the oldest entries (and their links) at before the cutoff, only as a whole
-- prefix of the chain; the chain then starts at the hash of the last removed link. Answers how many went.
create function audit_prune(m uuid, cutoff timestamptz)
    returns bigint
    language plpgsql security definer set search_path = public
as $$
declare
    last_position bigint;
    last_hash     char(64);
    removed       bigint;
begin
    if m is distinct from current_municipality() then
        raise exception 'audit_prune: not the current municipality';
    end if;
    perform 1 from audit_head h where h.municipality_id = m for update;
    -- the longest prefix of links whose entries are all older than the cutoff
    select l.link_seq, l.hash into last_position, last_hash
    from audit_link l
    where l.municipality_id = m
      and l.link_seq < coalesce((select min(l2.link_seq) from audit_link l2
                                 join audit_entry e2 on e2.municipality_id = l2.municipality_id and e2.seq = l2.entry_seq
                                 where l2.municipality_id = m and e2.at >= cutoff),
                                (select h.link_seq + 1 from audit_head h where h.municipality_id = m))
    order by l.link_seq desc limit 1;
    if last_position is null then
        return 0;
    end if;
    perform set_config('meedoen.audit_pruning', 'on', true);
    delete from audit_entry e using audit_link l
    where l.municipality_id = m and l.link_seq <= last_position
      and e.municipality_id = m and e.seq = l.entry_seq;
    get diagnostics removed = row_count;
    delete from audit_link l where l.municipality_id = m and l.link_seq <= last_position;
    perform set_config('meedoen.audit_pruning', 'off', true);
    update audit_head set base_position = last_position, base_hash = last_hash where municipality_id = m;
    return removed;
end
$$;

revoke all on function audit_lock_head(uuid), audit_append_links(uuid, bigint, bigint[], text[], text),
    audit_prune(uuid, timestamptz) from public;
grant execute on function audit_lock_head(uuid), audit_append_links(uuid, bigint, bigint[], text[], text),
    audit_prune(uuid, timestamptz) to meedoen_app;
