-- The statements that turn this schema into a Citus cluster distributed by municipality_id (docs/scale-out.md),
-- printed in the order they must run: reference tables first (a table after those it refers to), the local tables
-- that refer to a reference table, the cross-municipality keys dropped (Citus cannot check a key across nodes), then
-- every distributed table, colocated with person, after the tables it refers to. Run it on the coordinator as the
-- schema's owner after the migrations, e.g. psql -Atf citus-distribute.sql > distribute.sql, read the output, and
-- run that in one session. distribution-check.sql must answer no rows first.
with recursive
tables as (
    select c.oid, c.relname, coalesce(d.kind, 'distributed') as kind
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    left join distribution_table d on d.table_name = c.relname
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
),
keys as (
    select k.conrelid, k.confrelid, k.conname,
           coalesce(obj_description(k.oid, 'pg_constraint'), '') like 'cross-municipality:%' as crossing
    from pg_constraint k
    where k.contype = 'f' and k.conrelid <> k.confrelid
),
depth (oid, level) as (
    select t.oid, 0 from tables t
    union all
    select k.conrelid, d.level + 1
    from depth d
    join keys k on k.confrelid = d.oid and not k.crossing
    where d.level < 50
),
ordered as (
    select t.relname, t.kind, max(d.level) as level
    from tables t join depth d on d.oid = t.oid
    group by t.relname, t.kind
),
statements as (
    select 1 as step, level, relname,
           format('select create_reference_table(%L);', relname) as statement
    from ordered where kind = 'reference'
    union all
    select 2, level, relname, format('select citus_add_local_table_to_metadata(%L);', relname)
    from ordered o
    where kind = 'local'
      and exists (select from keys k join tables t on t.oid = k.conrelid join tables r on r.oid = k.confrelid
                  where t.relname = o.relname and r.kind = 'reference')
    union all
    select 3, 0, t.relname, format('alter table %I drop constraint %I;', t.relname, k.conname)
    from keys k join tables t on t.oid = k.conrelid
    where k.crossing
    union all
    select 4, level, relname,
           case when relname = 'person'
                then format('select create_distributed_table(%L, %L);', relname, 'municipality_id')
                else format('select create_distributed_table(%L, %L, colocate_with => %L);', relname,
                            'municipality_id', 'person') end
    from ordered where kind = 'distributed'
)
select statement
from statements
order by step, case when relname = 'person' then -1 else level end, relname
