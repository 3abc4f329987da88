-- platform: every key of a distributed table includes municipality_id, the distribution column (V150). A distributed
-- PostgreSQL (Citus) places all rows of one municipality on one node; it can enforce a primary key or a unique rule
-- only when the rule includes the distribution column, and a foreign key between two distributed tables only when it
-- pairs the municipality_id of the one with that of the other. On one PostgreSQL the same keys also make sure a row
-- never points at another municipality's row.
--
-- Primary keys become (id, municipality_id), the old columns first: every look-up by id alone (the jobs, which work
-- for no municipality, and the policies that admit "no municipality set") still finds its row by the front of the
-- key's index, and a new row's check against its parent reads the same index. Unique constraints and unique indexes
-- get municipality_id at the end likewise; foreign keys get (…, municipality_id) references parent (…,
-- municipality_id), with the same actions. No column is added: every municipality's table already carries its
-- municipality_id (not null), filled by the code that writes it, so every insert, the datagen COPY path and the
-- set-based jobs work unchanged.
--
-- distribution_keys() does this for every distributed table whose keys do not yet include municipality_id and
-- changes nothing else, so it may run again: a later migration that adds a municipality's table with ordinary keys
-- ends with "select distribution_keys();" (DistributionCatalogueIntegrationTests says so when it finds one).

-- The distributed tables: every table of the schema not registered as reference or local.
create function distributed_tables() returns setof regclass
    language sql stable
as $$
    select c.oid::regclass
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
      and not exists (select from distribution_table d where d.table_name = c.relname)
$$;

-- The column names of a table for a list of attribute numbers, in that order, quoted and comma-separated.
create function distribution_columns(relation regclass, attnums smallint[]) returns text
    language sql stable
as $$
    select string_agg(quote_ident(a.attname), ', ' order by u.ord)
    from unnest(attnums) with ordinality as u (attnum, ord)
    join pg_attribute a on a.attrelid = relation and a.attnum = u.attnum
$$;

create function distribution_keys() returns integer
    language plpgsql
as $$
declare
    k       record;
    fk      text[] := '{}';
    stmt    text;
    changed integer := 0;
    delete_action text;
begin
    -- 1. Foreign keys between distributed tables that do not pair municipality_id with municipality_id: noted as
    --    they will be, then dropped, so the keys they rest on can be rebuilt. A key marked cross-municipality (it
    --    names another municipality's row on purpose) is left alone.
    for k in
        select c.oid, c.conname, c.conrelid::regclass as tbl, c.confrelid::regclass as ref, c.conkey, c.confkey,
               c.confdeltype, c.confupdtype, c.confdelsetcols, c.confmatchtype, c.condeferrable, c.condeferred
        from pg_constraint c
        where c.contype = 'f'
          and c.conrelid in (select distributed_tables()) and c.confrelid in (select distributed_tables())
          and coalesce(obj_description(c.oid, 'pg_constraint'), '') not like 'cross-municipality:%'
          and not exists (
              select from unnest(c.conkey, c.confkey) as p (attnum, refattnum)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = p.attnum
              join pg_attribute r on r.attrelid = c.confrelid and r.attnum = p.refattnum
              where a.attname = 'municipality_id' and r.attname = 'municipality_id')
    loop
        delete_action := case k.confdeltype
            when 'c' then ' on delete cascade'
            when 'r' then ' on delete restrict'
            when 'n' then ' on delete set null (' || distribution_columns(k.tbl, coalesce(k.confdelsetcols, k.conkey)) || ')'
            when 'd' then ' on delete set default (' || distribution_columns(k.tbl, coalesce(k.confdelsetcols, k.conkey)) || ')'
            else '' end;
        fk := fk || format('alter table %s add constraint %I foreign key (%s, municipality_id) references %s (%s, municipality_id)%s%s%s%s',
            k.tbl, k.conname, distribution_columns(k.tbl, k.conkey), k.ref, distribution_columns(k.ref, k.confkey),
            case k.confmatchtype when 'f' then ' match full' else '' end,
            delete_action,
            case k.confupdtype when 'c' then ' on update cascade' when 'r' then ' on update restrict' else '' end,
            case when k.condeferrable then ' deferrable initially ' || case when k.condeferred then 'deferred' else 'immediate' end else '' end);
        execute format('alter table %s drop constraint %I', k.tbl, k.conname);
    end loop;

    -- 2. Primary keys and unique constraints without municipality_id: rebuilt with it, under the same name.
    for k in
        select c.conname, c.conrelid::regclass as tbl, c.contype, c.conkey
        from pg_constraint c
        join pg_attribute m on m.attrelid = c.conrelid and m.attname = 'municipality_id' and not m.attisdropped
        where c.contype in ('p', 'u') and c.conrelid in (select distributed_tables())
          and not m.attnum = any (c.conkey)
        order by c.contype desc, c.conrelid::regclass::text, c.conname
    loop
        execute format('alter table %s drop constraint %I', k.tbl, k.conname);
        execute format('alter table %s add constraint %I %s (%s, municipality_id)', k.tbl, k.conname,
            case k.contype when 'p' then 'primary key' else 'unique' end, distribution_columns(k.tbl, k.conkey));
        changed := changed + 1;
    end loop;

    -- 3. Unique indexes of their own (partial ones: "one open transfer per person") without municipality_id: built
    --    again with it, under the same name and with the same condition.
    for k in
        select i.indexrelid, x.relname as name, i.indrelid::regclass as tbl, i.indnkeyatts, am.amname,
               pg_get_expr(i.indpred, i.indrelid) as predicate
        from pg_index i
        join pg_class x on x.oid = i.indexrelid
        join pg_am am on am.oid = x.relam
        join pg_attribute m on m.attrelid = i.indrelid and m.attname = 'municipality_id' and not m.attisdropped
        where i.indisunique and i.indrelid in (select distributed_tables())
          and not exists (select from pg_constraint c where c.conindid = i.indexrelid)
          and not m.attnum = any (i.indkey::smallint[])
        order by 3, 2
    loop
        stmt := format('create unique index %I on %s using %s (%s, municipality_id)%s', k.name, k.tbl, k.amname,
            (select string_agg(pg_get_indexdef(k.indexrelid, n, true), ', ' order by n)
             from generate_series(1, k.indnkeyatts) as n),
            case when k.predicate is null then '' else ' where ' || k.predicate end);
        execute format('drop index %I', k.name);
        execute stmt;
        changed := changed + 1;
    end loop;

    -- 4. The foreign keys again, now pairing municipality_id with municipality_id.
    foreach stmt in array fk
    loop
        execute stmt;
        changed := changed + 1;
    end loop;
    return changed;
end
$$;

revoke execute on function distribution_keys() from public;

-- A receiving municipality's record of a transfer names the sending municipality's transfer on purpose. Its key pairs
-- the sender (from_municipality_id) with the transfer's own municipality_id; a distributed PostgreSQL cannot check a
-- key across nodes, so the scale-out script drops this one before distributing (docs/scale-out.md), and the
-- transfer's code (trajectories/internal/Transfers) is what keeps it then.
alter table trajectory_received drop constraint trajectory_received_transfer_id_fkey;

select distribution_keys();

alter table trajectory_received add constraint trajectory_received_transfer_id_fkey
    foreign key (transfer_id, from_municipality_id) references trajectory_transfer (id, municipality_id);
comment on constraint trajectory_received_transfer_id_fkey on trajectory_received is
    'cross-municipality: the receiver''s record names the sender''s transfer; checked on one PostgreSQL, dropped on Citus';
