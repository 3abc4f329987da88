-- The trajectory caseworker is changed with the version a client read (If-Match), like the other parts of a
-- person's trajectory.
alter table trajectory_caseworker add column version integer not null default 0;
