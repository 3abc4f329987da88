-- The number of entries in the processing log of the whole installation, for the operator's metrics
-- (/actuator/prometheus): one figure across every municipality, nothing of an entry in it. A security-definer
-- function, since the application role sees only the current municipality's entries; it answers nothing but the
-- count.
create function audit_entry_count() returns bigint
    language sql stable security definer set search_path = public
as $$ select count(*) from audit_entry $$;

revoke all on function audit_entry_count() from public;
grant execute on function audit_entry_count() to meedoen_app;
