-- Which tables of the schema a distributed PostgreSQL (Citus) could not distribute by municipality_id as they are,
-- one row per problem with its fix. Empty when the schema is ready (docs/scale-out.md); run as the schema's owner or
-- any role that reads the catalogue. platform/database/DistributionCatalogueIntegrationTests runs it on every build.
-- A table is distributed unless distribution_table (V150) registers it as reference or local.
with registered as (
    select table_name, kind from distribution_table
), tables as (
    select c.oid, c.relname, r.kind,
           (select a.attnum from pg_attribute a
            where a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped) as m,
           (select a.attnotnull from pg_attribute a
            where a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped) as m_not_null
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    left join registered r on r.table_name = c.relname
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
), distributed as (
    select * from tables where kind is null
)
select relname as table_name, 'holds no municipality_id column' as problem,
       'add municipality_id uuid not null references municipality (id), filled by the code that writes the table; '
       || 'or, for a table shared by all municipalities, register it: insert into distribution_table '
       || '(table_name, kind, reason) values (''' || relname || ''', ''reference'' or ''local'', ''why'')' as fix
from distributed where m is null
union all
select relname, 'municipality_id may be empty',
       'fill it for every row, then: alter table ' || relname || ' alter column municipality_id set not null'
from distributed where m is not null and not m_not_null
union all
select t.relname,
       case c.contype when 'p' then 'primary key ' else 'unique constraint ' end || c.conname || ' ('
       || pg_get_constraintdef(c.oid) || ') lacks municipality_id',
       'a migration that ends with: select distribution_keys();'
from distributed t
join pg_constraint c on c.conrelid = t.oid and c.contype in ('p', 'u')
where t.m is not null and not t.m = any (c.conkey)
union all
select t.relname, 'unique index ' || x.relname || ' lacks municipality_id',
       'a migration that ends with: select distribution_keys();'
from distributed t
join pg_index i on i.indrelid = t.oid and i.indisunique
join pg_class x on x.oid = i.indexrelid
where t.m is not null and not t.m = any (i.indkey::smallint[])
  and not exists (select from pg_constraint c where c.conindid = i.indexrelid)
union all
select t.relname, 'table without a primary key', 'add primary key (…, municipality_id)'
from distributed t
where not exists (select from pg_constraint c where c.conrelid = t.oid and c.contype = 'p')
union all
select t.relname, 'foreign key ' || c.conname || ' (' || pg_get_constraintdef(c.oid)
       || ') does not pair municipality_id with the municipality_id of ' || f.relname,
       'a migration that ends with: select distribution_keys(); a key that names another municipality''s row on '
       || 'purpose pairs that municipality''s column with municipality_id and says so: comment on constraint '
       || c.conname || ' on ' || t.relname || ' is ''cross-municipality: why'''
from distributed t
join pg_constraint c on c.conrelid = t.oid and c.contype = 'f'
join distributed f on f.oid = c.confrelid
where not exists (
        select from unnest(c.conkey, c.confkey) as p (attnum, refattnum)
        where (p.attnum = t.m and p.refattnum = f.m)
           or (coalesce(obj_description(c.oid, 'pg_constraint'), '') like 'cross-municipality:%' and p.refattnum = f.m))
union all
select t.relname, 'foreign key ' || c.conname || ' of a ' || t.kind || ' table refers to the distributed table '
       || f.relname, 'a reference or local table may refer only to reference tables: register '
       || f.relname || ' as reference too, or drop the key'
from tables t
join pg_constraint c on c.conrelid = t.oid and c.contype = 'f'
join distributed f on f.oid = c.confrelid
where t.kind is not null
union all
select r.table_name, 'registered in distribution_table but no such table', 'delete its row from distribution_table'
from registered r
where not exists (select from tables t where t.relname = r.table_name)
order by 1, 2
