-- The policies asked current_municipality() and current_team() for every row they filter: each call reads the
-- connection's setting, takes nullif and casts the text to a uuid. On the 45,500 open files of the largest
-- municipality that was 24 of the 32 ms of counting them as a caseworker (the person list without a query). The same
-- call written as a sub-select is an InitPlan: PostgreSQL evaluates it once per statement and compares each row with
-- its result (10 ms). The meaning is unchanged: within one statement the setting does not change, and the functions
-- are stable. PolicyFormIntegrationTests keeps every new policy to this form.
do $$
declare
    r record;
    qual text;
    checked text;
begin
    for r in
        select c.relname as tab, p.polname as pol, pg_get_expr(p.polqual, p.polrelid) as qual,
               pg_get_expr(p.polwithcheck, p.polrelid) as checked
        from pg_policy p
        join pg_class c on c.oid = p.polrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema()
    loop
        qual := regexp_replace(r.qual, '\m(current_municipality|current_team)\(\)', '(select \1())', 'g');
        checked := regexp_replace(r.checked, '\m(current_municipality|current_team)\(\)', '(select \1())', 'g');
        if qual is distinct from r.qual then
            execute format('alter policy %I on %I using (%s)', r.pol, r.tab, qual);
        end if;
        if checked is distinct from r.checked then
            execute format('alter policy %I on %I with check (%s)', r.pol, r.tab, checked);
        end if;
    end loop;
end
$$;
