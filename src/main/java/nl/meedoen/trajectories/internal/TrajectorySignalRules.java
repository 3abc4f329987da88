package nl.meedoen.trajectories.internal;

import java.util.List;

import nl.meedoen.signals.Severity;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalFact;
import nl.meedoen.signals.SignalRule;
import nl.meedoen.signals.Threshold;
import nl.meedoen.signals.Threshold.Unit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The early-signalling rules on the trajectory, each one query over this module's tables:
 * guidance ending without a handover decision, the PIP due or overdue, a no-show at the
 * intake without a new appointment, the integration period or the route-switch window
 * closing while parts are missing, ontzorgen ending. The warning windows are the
 * municipality's choice; the dates they warn of are the ones this module computed by law
 * and local policy.
 */
@Configuration(proxyBeanMethods = false)
class TrajectorySignalRules {

    private static final String FOR_PERSON = "(cast(:person as uuid) is null or %s.person_id = :person)";

    private static String forPerson(String alias) {
        return FOR_PERSON.formatted(alias);
    }

    @Bean
    SignalRule guidanceEndingWithoutHandover() {
        return SignalRule.of(SignalCode.GUIDANCE_ENDING_WITHOUT_HANDOVER, Severity.HIGH,
                List.of(new Threshold("days", 30, Unit.DAYS, 1, 120)), "/personen/{person}/traject", """
                        select g.person_id, g.end_date::text as occasion,
                            g.end_date - cast(:days as integer) as since,
                            jsonb_build_object('endDate', g.end_date, 'days', cast(:days as integer)) as facts
                        from guidance g
                        where g.municipality_id = :municipality and g.status = 'ACTIVE'
                            and g.end_date <= cast(:today as date) + cast(:days as integer) and\s""" + forPerson("g"));
    }

    @Bean
    SignalRule planDueSoon() {
        return SignalRule.of(SignalCode.PLAN_DUE_SOON, Severity.MEDIUM, List
            .of(new Threshold("days", 14, Unit.DAYS, 1, 70)), "/personen/{person}/traject", """
                    select d.person_id, d.plan_due_date::text as occasion,
                        d.plan_due_date - cast(:days as integer) as since,
                        jsonb_build_object('dueDate', d.plan_due_date, 'days', cast(:days as integer)) as facts
                    from integration_duty d
                    where d.municipality_id = :municipality and d.plan_adopted_on is null
                        and d.plan_due_date >= cast(:today as date)
                        and d.plan_due_date <= cast(:today as date) + cast(:days as integer) and\s""" + forPerson("d"));
    }

    @Bean
    SignalRule planOverdue() {
        return SignalRule.of(SignalCode.PLAN_OVERDUE, Severity.HIGH, List.of(), "/personen/{person}/traject", """
                select d.person_id, d.plan_due_date::text as occasion, d.plan_due_date + 1 as since,
                    jsonb_build_object('dueDate', d.plan_due_date) as facts
                from integration_duty d
                where d.municipality_id = :municipality and d.plan_adopted_on is null
                    and d.plan_due_date < cast(:today as date) and\s""" + forPerson("d"));
    }

    @Bean
    SignalRule intakeNoShow() {
        return SignalRule
            .of(SignalCode.INTAKE_NO_SHOW, Severity.HIGH, List.of(), "/personen/{person}/traject/intake", """
                    select a.person_id, a.id::text as occasion, a.scheduled_on as since,
                        jsonb_build_object('noShowOn', a.scheduled_on, 'step', a.no_show_step) as facts
                    from intake_appointment a
                    where a.municipality_id = :municipality and a.outcome = 'NO_SHOW' and\s""" + forPerson("a") + """

                    and not exists (select 1 from intake_appointment b
                        where b.municipality_id = a.municipality_id and b.person_id = a.person_id
                            and b.id <> a.id and b.scheduled_on >= a.scheduled_on
                            and b.outcome in ('SCHEDULED', 'ATTENDED', 'NO_SHOW')
                            and (b.outcome <> 'NO_SHOW' or b.scheduled_on > a.scheduled_on
                                or b.id > a.id))
                    and not exists (select 1 from broad_intake i
                        where i.municipality_id = a.municipality_id and i.person_id = a.person_id
                            and i.completed_on is not null)""");
    }

    @Bean
    SignalRule integrationPeriodEnding() {
        return SignalRule.of(SignalCode.INTEGRATION_PERIOD_ENDING, Severity.HIGH,
                List.of(new Threshold("months", 6, Unit.MONTHS, 1, 24)), "/personen/{person}/traject/leerroute", """
                        with duty as (
                            select d.person_id, d.route, coalesce(d.route_level, 'B1') as level,
                                d.integration_period_end, d.z_interview_on, d.map_interview_on
                            from integration_duty d
                            where d.municipality_id = :municipality and d.route is not null
                                and d.integration_period_end >= cast(:today as date)
                                and d.integration_period_end
                                    <= (cast(:today as date) + make_interval(months => cast(:months as integer)))::date
                                and not exists (select 1 from integration_exemption e
                                    where e.municipality_id = d.municipality_id and e.person_id = d.person_id
                                        and e.part = 'WHOLE_DUTY') and\s""" + forPerson("d")
                        + """
                                ),
                                exempt as (
                                    select e.person_id, e.part from integration_exemption e join duty using (person_id)
                                    where e.municipality_id = :municipality
                                ),
                                passed as (
                                    select r.person_id, r.part, r.level from exam_result r join duty using (person_id)
                                    where r.municipality_id = :municipality and r.result = 'PASSED'
                                ),
                                missing as (
                                    select duty.person_id, s.part
                                    from duty cross join unnest(array['READING', 'LISTENING', 'WRITING', 'SPEAKING']) s(part)
                                    where duty.route in ('B1', 'ONDERWIJS')
                                        and not exists (select 1 from exempt x
                                            where x.person_id = duty.person_id and x.part = 'LEARNING_ROUTE')
                                        and not exists (select 1 from passed p
                                            where p.person_id = duty.person_id and p.part = s.part
                                                and coalesce(array_position(array['A1', 'A2', 'B1', 'B2'], p.level), 4)
                                                    >= array_position(array['A1', 'A2', 'B1', 'B2'], duty.level))
                                    union all
                                    select duty.person_id, 'Z_ROUTE' from duty
                                    where duty.route = 'Z' and duty.z_interview_on is null
                                        and not exists (select 1 from exempt x
                                            where x.person_id = duty.person_id and x.part = 'LEARNING_ROUTE')
                                    union all
                                    select duty.person_id, 'KNM' from duty
                                    where not exists (select 1 from exempt x where x.person_id = duty.person_id and x.part = 'KNM')
                                        and not exists (select 1 from passed p where p.person_id = duty.person_id and p.part = 'KNM')
                                    union all
                                    select duty.person_id, 'MAP' from duty
                                    where duty.route in ('B1', 'Z') and duty.map_interview_on is null
                                        and not exists (select 1 from exempt x where x.person_id = duty.person_id and x.part = 'MAP')
                                    union all
                                    select duty.person_id, 'PVT' from duty
                                    where not exists (select 1 from exempt x where x.person_id = duty.person_id and x.part = 'PVT')
                                        and not exists (select 1 from participation_declaration v
                                            where v.municipality_id = :municipality and v.person_id = duty.person_id
                                                and v.status in ('COMPLETED', 'EXEMPT'))
                                )
                                select duty.person_id, duty.integration_period_end::text as occasion,
                                    (duty.integration_period_end - make_interval(months => cast(:months as integer)))::date as since,
                                    jsonb_build_object('endDate', duty.integration_period_end,
                                        'months', cast(:months as integer),
                                        'missing', jsonb_agg(missing.part order by missing.part)) as facts
                                from duty join missing using (person_id)
                                group by duty.person_id, duty.integration_period_end""");
    }

    @Bean
    SignalRule routeSwitchWindowClosing() {
        return SignalRule.of(SignalCode.ROUTE_SWITCH_WINDOW_CLOSING, Severity.HIGH,
                List.of(new Threshold("days", 60, Unit.DAYS, 1, 180),
                        new Threshold("expectedHours", 300, Unit.HOURS, 0, 2000)),
                "/personen/{person}/traject/leerroute",
                """
                        select d.person_id, d.route_switch_deadline::text as occasion,
                            d.route_switch_deadline - cast(:days as integer) as since,
                            jsonb_build_object('deadline', d.route_switch_deadline, 'route', d.route,
                                'hours', case when d.route = 'Z' then d.z_course_hours else coalesce(h.total_hours, 0) end,
                                'expectedHours', cast(:expectedHours as integer), 'days', cast(:days as integer)) as facts
                        from integration_duty d
                            left join nt2_lesson_hours h on h.municipality_id = d.municipality_id
                                and h.person_id = d.person_id
                        where d.municipality_id = :municipality and d.route is not null
                            and d.route_switch_deadline >= cast(:today as date)
                            and d.route_switch_deadline <= cast(:today as date) + cast(:days as integer)
                            and (case when d.route = 'Z' then d.z_course_hours else coalesce(h.total_hours, 0) end)
                                < cast(:expectedHours as integer)
                            and\s"""
                        + forPerson("d"));
    }

    @Bean
    SignalRule ontzorgenEnding() {
        return SignalRule.of(SignalCode.ONTZORGEN_ENDING, Severity.MEDIUM,
                List.of(new Threshold("days", 30, Unit.DAYS, 1, 120)), "/personen/{person}/traject/ontzorgen", """
                        select o.person_id, o.end_date::text as occasion, o.end_date - cast(:days as integer) as since,
                            jsonb_build_object('endDate', o.end_date, 'days', cast(:days as integer)) as facts
                        from ontzorgen o
                        where o.municipality_id = :municipality and o.end_date >= cast(:today as date)
                            and o.end_date <= cast(:today as date) + cast(:days as integer) and\s""" + forPerson("o"));
    }

    /** The person's caseworker: the owner of their signals. */
    @Bean
    SignalFact trajectoryCaseworker() {
        return SignalFact.of(SignalFact.Kind.CASEWORKER, """
                select c.person_id, c.user_id from trajectory_caseworker c
                where c.municipality_id = :municipality and\s""" + forPerson("c"));
    }

    /**
     * Guidance that runs, or a duty whose integration period has not ended and is not
     * exempted as a whole.
     */
    @Bean
    SignalFact activeTrajectory() {
        return SignalFact.of(SignalFact.Kind.ACTIVE_CASE, """
                select g.person_id, g.start_date as since from guidance g
                where g.municipality_id = :municipality and g.status = 'ACTIVE' and\s""" + forPerson("g") + """

                union all
                select d.person_id, greatest(d.duo_notice_date, d.brp_registration_date) as since
                from integration_duty d
                where d.municipality_id = :municipality
                    and (d.integration_period_end is null or d.integration_period_end >= cast(:today as date))
                    and not exists (select 1 from integration_exemption e
                        where e.municipality_id = d.municipality_id and e.person_id = d.person_id
                            and e.part = 'WHOLE_DUTY') and\s""" + forPerson("d"));
    }

    /** Intake appointments attended and PVT sessions held: contacts with the person. */
    @Bean
    SignalFact trajectoryContacts() {
        return SignalFact.of(SignalFact.Kind.CONTACT, """
                select a.person_id, a.scheduled_on as on_date from intake_appointment a
                where a.municipality_id = :municipality and a.outcome = 'ATTENDED' and\s""" + forPerson("a") + """

                union all
                select s.person_id, s.held_on as on_date from participation_session s
                where s.municipality_id = :municipality and\s""" + forPerson("s"));
    }

}
