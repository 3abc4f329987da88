-- work: notifications inside the product for one user (a partner's response to a referral, signals raised for the
-- user, a role approval decided).
-- A notification names what happened and where to look, never a person: its text is a message key with numbers and
-- codes as arguments, its link a path in the product.
create table notification (
    id               uuid primary key,
    municipality_id  uuid not null references municipality (id),
    recipient_id     uuid not null,          -- an account of identity; id only
    kind             text not null check (kind in ('REFERRAL_RESPONSE', 'SIGNALS_RAISED', 'APPROVAL_DECIDED')),
    message_key      text not null check (length(message_key) between 1 and 200),
    arguments        text[] not null default '{}',
    link             text not null check (link like '/%' and length(link) <= 300),
    created_at       timestamptz not null,
    read_at          timestamptz
);
create index notification_recipient_idx on notification (municipality_id, recipient_id, created_at desc);
create index notification_unread_idx on notification (municipality_id, recipient_id) where read_at is null;

do $$
declare
    t text;
begin
    foreach t in array array['notification']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;
