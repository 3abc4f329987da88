-- Indexes for the set-based signal rules at national scale, found with EXPLAIN ANALYZE as the application role on
-- the 1,000,000-person dataset (docs/scale.md). A municipality's rows lie interleaved with those of all others, so a
-- scan that has to visit the table reads about one page per row; these let the rules' scans answer from the index.

-- Every rule reads the open files of the municipality (residents_current: person and household membership).
create index person_current_idx on person (municipality_id, id)
    include (team_id, category, date_of_birth, registration_date, arrival_date, created_at)
    where ended_on is null;
create index household_member_current_idx on household_member (municipality_id, person_id)
    include (household_id, role);

-- NO_LANGUAGE_PROGRESS orders each person's assessments per skill by date.
create index language_level_skill_idx on language_level (municipality_id, person_id, skill, assessed_on, created_at, id)
    include (level);

-- ISOLATION_RISK and NO_CONTACT: network contacts, work and study, attended intake appointments, active plans.
create index person_contact_network_idx on person_contact (municipality_id, person_id)
    include (kind, since, ended_on);
create index income_period_source_idx on income_period (municipality_id, person_id, starts_on)
    include (source, ends_on);
create index intake_appointment_attended_idx on intake_appointment (municipality_id, person_id, scheduled_on)
    where outcome = 'ATTENDED';
create index plan_person_idx on plan (municipality_id, person_id) include (id, started_on, learning_route);
