-- The number of open signals of the whole installation, for the operator's metrics (/actuator/prometheus): one
-- figure across every municipality, no municipality, person or rule in it. A security-definer function, since the
-- application role sees only the current municipality's signals; it answers nothing but the count.
create function signals_open_count() returns bigint
    language sql stable security definer set search_path = public
as $$ select count(*) from signal where status in ('OPEN', 'ACKNOWLEDGED') $$;

revoke all on function signals_open_count() from public;
grant execute on function signals_open_count() to meedoen_app;
