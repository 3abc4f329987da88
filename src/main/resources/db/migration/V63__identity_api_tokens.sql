-- API tokens: a script's or partner system's way in, sent as "Authorization: Bearer <token>". Only a SHA-256 hash
-- of the token is kept (the token is shown once, at creation); a token acts as its account, never beyond the role
-- it was issued for, until it expires or is revoked. Row-level security keeps a request to its own municipality's
-- tokens; only the lookup by hash and the note of its last use, made before anyone is logged in (no municipality
-- set), reach every row.
create table api_token (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    account_id      uuid not null references app_user (id),
    name            text not null check (length(name) between 1 and 100),
    kind            text not null check (kind in ('PERSONAL', 'SERVICE')),
    role            text not null,
    token_hash      text not null unique,
    prefix          text not null,
    expires_on      date not null,
    created_by      uuid not null references app_user (id),
    created_at      timestamptz not null,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_by      uuid references app_user (id)
);
create index api_token_account_idx on api_token (municipality_id, account_id);

alter table api_token enable row level security;
alter table api_token force row level security;
create policy api_token_of_municipality on api_token
    using (municipality_id = current_municipality() or current_municipality() is null)
    with check (municipality_id = current_municipality() or current_municipality() is null);
