-- Four eyes on access to files: giving an account a role that reads files (CASEWORKER, TEAM_LEAD, PRIVACY_OFFICER)
-- waits for a second administrator or team lead. A new account with such a role stays disabled until approved; a
-- role change keeps the old role until approved. At most one request waits per account.
create table account_approval (
    id              uuid primary key,
    municipality_id uuid not null references municipality (id),
    account_id      uuid not null references app_user (id) on delete cascade,
    kind            text not null check (kind in ('NEW_ACCOUNT', 'ROLE_CHANGE')),
    previous_role   text,
    requested_role  text not null,
    requested_by    text not null,
    requested_at    timestamptz not null,
    decided_by      text,
    decided_at      timestamptz,
    outcome         text check (outcome in ('APPROVED', 'DECLINED')),
    version         int not null default 0,
    check ((outcome is null) = (decided_at is null))
);
create unique index account_approval_one_waiting on account_approval (account_id) where outcome is null;
create index account_approval_waiting_idx on account_approval (municipality_id) where outcome is null;

alter table account_approval enable row level security;
alter table account_approval force row level security;
create policy account_approval_of_municipality on account_approval
    using (municipality_id = current_municipality())
    with check (municipality_id = current_municipality());
