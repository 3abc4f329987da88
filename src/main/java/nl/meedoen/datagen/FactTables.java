package nl.meedoen.datagen;

/**
 * The modules' tables the generator fills for the persons of a chunk, with the columns it
 * writes (the others keep their defaults), declared in the order of their references.
 */
final class FactTables {

    final Tables all = new Tables();

    final CopyText housingMatch = all.table("housing_match (id, municipality_id, match_date, housing_deadline, "
            + "move_deadline, family_reunification, created_at)");

    final CopyText housingMatchPerson = all.table("housing_match_person (municipality_id, match_id, person_id)");

    final CopyText housingPlacement = all
        .table("housing_placement (id, municipality_id, key_handover_date, address, created_at)");

    final CopyText housingPlacementPerson = all
        .table("housing_placement_person (municipality_id, placement_id, person_id)");

    final CopyText guidance = all.table("guidance (id, municipality_id, person_id, start_date, end_date, status, "
            + "closed_on, handover, handover_reason, version, created_at)");

    final CopyText guidanceExtension = all.table("guidance_extension_request (id, municipality_id, guidance_id, "
            + "months, reason, status, requested_by, requested_at, decided_by, decided_at, decision_note)");

    final CopyText duty = all.table("integration_duty (municipality_id, person_id, regime, duo_notice_date, "
            + "brp_registration_date, third_party_info_received_date, plan_due_date, plan_adopted_on, route, "
            + "integration_period_start, integration_period_end, route_switch_deadline, route_level, "
            + "z_course_hours, z_participation_hours, map_practical_hours, map_themes_done, pip_revised_on, "
            + "version)");

    final CopyText intake = all.table("broad_intake (municipality_id, person_id, learnability_tested_on, "
            + "learnability_result, education_history, work_history, vve_informed_on, completed_on, version)");

    final CopyText intakeAppointment = all.table("intake_appointment (id, municipality_id, person_id, "
            + "scheduled_on, scheduled_time, location, outcome, no_show_step, consequence, fine_euros, recorded_by, "
            + "recorded_at, created_at)");

    final CopyText exemption = all.table(
            "integration_exemption (id, municipality_id, person_id, part, kind, " + "decided_on, ground, created_at)");

    final CopyText routeChange = all.table("route_change (id, municipality_id, person_id, kind, changed_on, "
            + "from_route, to_route, to_level, reason, recorded_by, created_at)");

    final CopyText exam = all
        .table("exam_result (id, municipality_id, person_id, part, level, result, taken_on, created_at)");

    final CopyText pvt = all
        .table("participation_declaration (municipality_id, person_id, status, signed_on, version)");

    final CopyText pvtSession = all
        .table("participation_session (id, municipality_id, person_id, held_on, hours, topic, created_at)");

    final CopyText lessonHours = all.table("nt2_lesson_hours (municipality_id, person_id, total_hours, as_of)");

    final CopyText ontzorgen = all.table("ontzorgen (municipality_id, person_id, assistance_start, end_date, "
            + "rent, energy, health_insurance, version)");

    final CopyText caseworker = all.table("trajectory_caseworker (municipality_id, person_id, user_id, assigned_on)");

    final CopyText plan = all.table("plan (id, municipality_id, person_id, started_on, started_by, pip_adopted_on, "
            + "learning_route, integration_period_start, integration_period_end, route_switch_deadline, created_at)");

    final CopyText planVersion = all.table("plan_version (id, municipality_id, plan_id, number, status, "
            + "adopted_on, adopted_by, adopted_at, route_timeframe, guidance_support, pvt_map_intensity, "
            + "vve_options, ontzorgen, preconditions, monitoring, lock_version, created_at)");

    final CopyText planGoal = all
        .table("plan_goal (municipality_id, version_id, goal_id, area, description, " + "target_date, position)");

    final CopyText planAction = all
        .table("plan_action (municipality_id, version_id, action_id, goal_id, what, " + "who, due_on, position)");

    final CopyText goalProgress = all
        .table("plan_goal_progress (municipality_id, plan_id, goal_id, status, " + "drop_reason, changed_on)");

    final CopyText actionProgress = all.table("plan_action_progress (municipality_id, plan_id, action_id, done_on)");

    final CopyText review = all.table("plan_review (id, municipality_id, plan_id, held_on, notes, "
            + "next_review_due, recorded_by, created_at)");

    final CopyText reviewGoal = all.table("plan_review_goal (municipality_id, review_id, goal_id, status)");

    final CopyText languageLevel = all
        .table("language_level (id, municipality_id, person_id, skill, level, " + "assessed_on, source, created_at)");

    final CopyText lessonEntry = all
        .table("nt2_lesson_entry (id, municipality_id, person_id, followed_until, " + "hours, provider, created_at)");

    final CopyText childEducation = all.table("child_education (municipality_id, child_id, school, childcare, "
            + "vve_indication, vve_participation, speech_therapy, isk, pupil_transport, lunch_care, version)");

    final CopyText income = all
        .table("income_period (id, municipality_id, person_id, source, starts_on, ends_on, created_at)");

    final CopyText work = all
        .table("work_situation (municipality_id, person_id, paid_hours_per_week, route_to_work, version)");

    final CopyText wegwijs = all.table("wegwijs_known (municipality_id, person_id, place, known_on)");

    final CopyText referral = all.table("referral (id, municipality_id, person_id, provision_id, partner_id, "
            + "purpose, shared_fields, consent_given_on, consent_valid_until, status, status_reason, status_on, "
            + "sent_on, created_by, created_at, version, status_at)");

    final CopyText referralTransition = all.table("referral_transition (id, municipality_id, referral_id, "
            + "from_status, to_status, on_date, at, actor_id, actor_name, actor_role, reason)");

    final CopyText volunteer = all.table("volunteer (id, municipality_id, given_name, family_name, person_id, "
            + "languages, language_levels, countries, availability, roles, vog_date, max_matches, active, version)");

    final CopyText matchRequest = all.table("match_request (id, municipality_id, person_id, role, languages, "
            + "countries, availability, status, requested_by, created_at, version)");

    final CopyText buddyMatch = all.table("buddy_match (id, municipality_id, match_request_id, person_id, "
            + "volunteer_id, role, status, score, proposed_on, introduced_on, started_on, ended_on, end_reason, "
            + "version, created_at)");

    final CopyText buddyLog = all
        .table("buddy_match_log (id, municipality_id, match_id, kind, held_on, hours, " + "note, created_at)");

    final CopyText contact = all
        .table("person_contact (id, municipality_id, person_id, kind, name, since, " + "ended_on, created_at)");

}
