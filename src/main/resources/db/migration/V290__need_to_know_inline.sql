-- Need-to-know on every table keyed by person asked person_open(person_id) per row (V110). A SQL function whose
-- body holds a sub-select is never inlined: PostgreSQL starts the function's executor for every row it filters,
-- 27 µs a row as the application role on the national dataset (the caseworker's 76 referrals behind the
-- navigation's badge: 2.0 ms of the 2.3 ms of that count). The same condition written into the policy is planned
-- once with the query, as a sub-plan on person's primary key under person's own policies: 4 µs a row. The
-- meaning is unchanged (the caller may open the person's file, as person's row-level security decides);
-- person_open stays for the application's own question (residents/internal/Persons.opens).
do $$
declare
    r record;
begin
    for r in
        select c.relname as tab, p.polname as pol, pg_get_expr(p.polqual, p.polrelid) as qual
        from pg_policy p
        join pg_class c on c.oid = p.polrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema()
          and pg_get_expr(p.polqual, p.polrelid) like '%person_open(person_id)%'
    loop
        execute format('alter policy %I on %I using (%s)', r.pol, r.tab,
                       replace(r.qual, 'person_open(person_id)',
                               format('(exists (select 1 from person where person.id = %I.person_id))', r.tab)));
    end loop;
end
$$;

select distribution_keys();
