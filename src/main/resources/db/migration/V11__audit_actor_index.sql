-- The privacy officer also reads the log per employee: what did this user look at?
create index audit_entry_actor_idx on audit_entry (municipality_id, actor, seq desc);
