-- exchange: what a partner organisation reports by API for a person referred to it. Hours, levels and exam results
-- land in the modules that own them (plans, trajectories); attendance per session is kept here, with the referral
-- it was reported on.

-- A level a partner's progress test established: the plan's language progress names the partner as its source.
alter table language_level drop constraint language_level_source_check;
alter table language_level add constraint language_level_source_check
    check (source in ('EXAM', 'TEST', 'TEACHER_ASSESSMENT', 'PARTNER'));

-- The classroom hours among an entry's lesson hours (unknown for entries typed before partners reported them).
alter table nt2_lesson_entry add column classroom_hours numeric(5, 1)
    check (classroom_hours is null or (classroom_hours >= 0 and classroom_hours <= hours));

-- The classroom hours among the total the trajectory keeps (the step-down's classroom share).
alter table nt2_lesson_hours add column classroom_hours numeric(6, 1)
    check (classroom_hours is null or (classroom_hours >= 0 and classroom_hours <= total_hours));

create table partner_attendance (
    id               uuid not null,
    municipality_id  uuid not null references municipality (id),
    referral_id      uuid not null,                -- owned by referrals, id only
    partner_id       uuid not null,                -- owned by provisions, id only
    person_id        uuid not null,                -- owned by residents, id only
    session_on       date not null,
    present          boolean not null,
    notified         boolean,                      -- an absence: with notice or not; null when present
    reported_by      uuid not null,                -- identity, id only
    reported_at      timestamptz not null default now(),
    check (present = (notified is null)),
    primary key (id, municipality_id)
);
create index partner_attendance_person_idx on partner_attendance (municipality_id, person_id, session_on);
create index partner_attendance_referral_idx on partner_attendance (municipality_id, referral_id, session_on);

alter table partner_attendance enable row level security;
alter table partner_attendance force row level security;
create policy partner_attendance_of_municipality on partner_attendance
    using (municipality_id = current_municipality()) with check (municipality_id = current_municipality());

-- Keys by the distribution rule (docs/scale-out.md).
select distribution_keys();
