-- Account administration and security events (logins, blocks, single sign-on) go to the processing log as their
-- own kinds of entry. Their subject is an account, not a person: subject_account names it (the attempted name for
-- a failed login) and detail says what happened (a role change from and to, the number of failures in a block).
-- Both are part of the chained content of an entry that has them; entries without them hash as before.
alter table audit_entry add column subject_account text;
alter table audit_entry add column detail text;
create index audit_entry_subject_account_idx on audit_entry (municipality_id, subject_account, seq desc)
    where subject_account is not null;
