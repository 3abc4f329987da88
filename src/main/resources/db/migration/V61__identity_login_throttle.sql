-- Failed logins per account name and per client address, shared by every instance. A key is blocked for a
-- growing time once its failures pass the threshold; a successful login removes the account's row. Holds the
-- typed account name (also for names that do not exist) and the address, nothing else; no municipality is known
-- before a login, so no row-level security.
create table login_throttle (
    key           text primary key,
    failures      integer not null,
    first_failure timestamptz not null,
    last_failure  timestamptz not null,
    blocked_until timestamptz
);
