-- exchange: a partner organisation's reports by CSV upload. A file is uploaded and previewed (per line: OK, or the
-- column and the reason of its error), then confirmed once: every line is reported in one transaction, as the API
-- reports it. The file is kept only until it is confirmed.

create table partner_upload (
    id               uuid not null,
    municipality_id  uuid not null references municipality (id),
    partner_id       uuid not null,                -- the uploader's organisation (provisions, id only): only it sees it
    uploaded_by      uuid not null,                -- identity, id only
    file_name        text not null check (length(file_name) between 1 and 255),
    content          bytea,                        -- the file as uploaded; cleared once confirmed
    lines_total      integer not null check (lines_total >= 0),
    lines_error      integer not null check (lines_error >= 0),
    status           text not null default 'PREVIEWED' check (status in ('PREVIEWED', 'CONFIRMED')),
    result           jsonb,                        -- reports stored per kind by the confirmation
    uploaded_at      timestamptz not null default now(),
    confirmed_at     timestamptz,
    version          integer not null default 0,
    check ((status = 'CONFIRMED') = (confirmed_at is not null)),
    check (status = 'PREVIEWED' or content is null),
    primary key (id, municipality_id)
);
create index partner_upload_partner_idx on partner_upload (municipality_id, partner_id, uploaded_at desc);

-- The preview per line: its kind and, for an error, the column and the message (no person data).
create table partner_upload_line (
    municipality_id  uuid not null references municipality (id),
    upload_id        uuid not null,
    line             integer not null,
    kind             text check (kind in ('ATTENDANCE', 'LESSON_HOURS', 'PROGRESS_TEST', 'EXAM_RESULT')),
    outcome          text not null check (outcome in ('OK', 'ERROR')),
    column_name      text,
    message_key      text,
    primary key (upload_id, line, municipality_id),
    foreign key (upload_id, municipality_id) references partner_upload (id, municipality_id) on delete cascade,
    check ((outcome = 'ERROR') = (message_key is not null))
);

-- The absences without notice the signal ABSENT_WITHOUT_NOTICE counts, per municipality and day.
create index partner_attendance_absent_idx on partner_attendance (municipality_id, session_on)
    where not present and notified = false;

do $$
declare
    t text;
begin
    foreach t in array array['partner_upload', 'partner_upload_line'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (municipality_id = current_municipality()) '
                       'with check (municipality_id = current_municipality())', t || '_of_municipality', t);
    end loop;
end
$$;

-- Keys by the distribution rule (docs/scale-out.md).
select distribution_keys();
