package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.law.RuleNotInForceException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.trajectories.DeadlineKind;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline calendar of the caller's team: every open trajectory deadline of the
 * team's persons in a window, plus the overdue ones, first. Overdue means something is
 * still to be done: an active guidance past its end, a PIP past its due date, an intake
 * appointment whose outcome is not recorded. The end of the integration period, of the
 * route-switch window and of ontzorgen are dates to watch, shown only inside the window.
 * A part of the duty DUO exempted the person from has no deadline.
 */
@Service
public class Deadlines {

    /**
     * One deadline of one person, with the basis of a date the law sets (null for a
     * guidance end or an appointment).
     */
    public record Deadline(UUID personId, String personName, DeadlineKind kind, LocalDate dueDate, boolean overdue,
            @Nullable Basis basis) {
    }

    record Row(UUID personId, String kind, LocalDate dueDate, @Nullable LocalDate input1, @Nullable LocalDate input2,
            @Nullable LocalDate input3) {
    }

    /** Overdue first, then by date, then by kind. */
    static final Comparator<Deadline> OVERDUE_FIRST = Comparator.comparing((Deadline d) -> !d.overdue())
        .thenComparing(Deadline::dueDate)
        .thenComparing(Deadline::kind)
        .thenComparing(Deadline::personName);

    /**
     * The dated deadlines of the municipality's persons, as {@code d}; reads {@code :m}.
     * Each part of the union filters itself, on the persons asked for and on its own
     * date, so the index of each table finds the few rows wanted: a filter outside the
     * union was applied only after every part had read all of the municipality's rows,
     * each checked against the need-to-know policy (most of a minute for the caseworker
     * of a large municipality).
     * @param persons the condition on {@code person_id}
     * @param window the condition on the due date {@code %1$s} of a deadline that can be
     * overdue (a guidance end, a PIP, an intake appointment)
     * @param watch the same for a date to watch (the integration period, the route-switch
     * window, ontzorgen)
     */
    private static String deadlines(String persons, String window, String watch) {
        return """
                select person_id, kind, due_date, input1, input2, input3 from (
                    select person_id, 'GUIDANCE_END' as kind, end_date as due_date, null::date as input1,
                        null::date as input2, null::date as input3 from guidance
                        where municipality_id = :m and status = 'ACTIVE' and %1$s and %2$s
                    union all
                    select person_id, 'PLAN_DUE', plan_due_date, duo_notice_date, brp_registration_date,
                        third_party_info_received_date from integration_duty d
                        where municipality_id = :m and plan_due_date is not null and plan_adopted_on is null
                        and %1$s and %3$s
                        and not exists (select 1 from integration_exemption e where e.municipality_id = :m
                            and e.person_id = d.person_id and e.part = 'WHOLE_DUTY')
                    union all
                    select person_id, 'INTEGRATION_PERIOD_END', integration_period_end, plan_adopted_on, null, null
                        from integration_duty d
                        where municipality_id = :m and integration_period_end is not null and %1$s and %4$s
                        and not exists (select 1 from integration_exemption e where e.municipality_id = :m
                            and e.person_id = d.person_id and e.part = 'WHOLE_DUTY')
                    union all
                    select person_id, 'ROUTE_SWITCH_DEADLINE', route_switch_deadline, plan_adopted_on, null, null
                        from integration_duty d
                        where municipality_id = :m and route_switch_deadline is not null and %1$s and %5$s
                        and not exists (select 1 from integration_exemption e where e.municipality_id = :m
                            and e.person_id = d.person_id and e.part in ('WHOLE_DUTY', 'LEARNING_ROUTE'))
                    union all
                    select person_id, 'INTAKE_APPOINTMENT', scheduled_on, null, null, null from intake_appointment
                        where municipality_id = :m and outcome = 'SCHEDULED' and %1$s and %6$s
                    union all
                    select person_id, 'ONTZORGEN_END', end_date, assistance_start, null, null from ontzorgen
                        where municipality_id = :m and %1$s and %7$s
                ) d
                """.formatted(persons, window.formatted("end_date"), window.formatted("plan_due_date"),
                watch.formatted("integration_period_end"), watch.formatted("route_switch_deadline"),
                window.formatted("scheduled_on"), watch.formatted("end_date"));
    }

    /**
     * Due from {@code :from} up to and including {@code :to}, or, for a deadline that can
     * be overdue, open before {@code :today}.
     */
    private static final String IN_WINDOW = "(%1$s <= :to and (%1$s >= :from or %1$s < :today))";

    private static final String WATCHED_IN_WINDOW = "(%1$s >= :from and %1$s <= :to)";

    private final JdbcClient jdbc;

    private final Residents residents;

    private final LegalDates legal;

    Deadlines(JdbcClient jdbc, Residents residents, LegalDates legal) {
        this.jdbc = jdbc;
        this.legal = legal;
        this.residents = residents;
    }

    /**
     * The deadlines due from {@code from} up to and including {@code to}, and the open
     * ones before {@code today} (overdue), for the persons of the caller's team.
     */
    @Transactional(readOnly = true)
    public List<Deadline> forMyTeam(LocalDate from, LocalDate to, LocalDate today) {
        return query(from, to, today, null);
    }

    /**
     * The same, for the persons of the caller's team whose trajectory
     * {@code caseworkerId} holds.
     */
    @Transactional(readOnly = true)
    public List<Deadline> forCaseworker(UUID caseworkerId, LocalDate from, LocalDate to, LocalDate today) {
        return query(from, to, today, caseworkerId);
    }

    /**
     * The open deadlines of one person whose file the caller may open: the coming ones
     * and the overdue ones, overdue first. Dates to watch (the end of the integration
     * period, of ontzorgen, the route-switch window) count from today.
     */
    @Transactional(readOnly = true)
    public List<Deadline> forPerson(UUID personId, LocalDate today) {
        List<Row> rows = jdbc.sql(deadlines("person_id = :person", "true", "%1$s >= :today"))
            .param("m", Tenancy.require())
            .param("person", personId)
            .param("today", today)
            .query(Row.class)
            .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        String name = residents.find(personId).map(Resident::name).orElse("");
        return rows.stream()
            .map(r -> new Deadline(r.personId(), name, DeadlineKind.valueOf(r.kind()), r.dueDate(),
                    r.dueDate().isBefore(today), basis(r)))
            .sorted(OVERDUE_FIRST)
            .toList();
    }

    private List<Deadline> query(LocalDate from, LocalDate to, LocalDate today, @Nullable UUID caseworkerId) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "trajectories.deadlines.toBeforeFrom");
        }
        UUID team = CurrentUser.current().map(CurrentUser::teamId).orElse(null);
        String whose = caseworkerId == null ? """
                person_id in (select p.id from person p
                    where p.municipality_id = :m and p.team_id = :team and p.ended_on is null)""" : """
                person_id in (select c.person_id from trajectory_caseworker c
                    where c.municipality_id = :m and c.user_id = :caseworker)""";
        var statement = jdbc.sql(deadlines(whose, IN_WINDOW, WATCHED_IN_WINDOW))
            .param("m", Tenancy.require())
            .param("team", team)
            .param("from", from)
            .param("to", to)
            .param("today", today);
        if (caseworkerId != null) {
            statement = statement.param("caseworker", caseworkerId);
        }
        List<Row> rows = statement.query(Row.class).list();
        Map<UUID, Resident> persons = residents.findAll(rows.stream().map(Row::personId).distinct().toList())
            .stream()
            .filter(p -> !p.ended() && Objects.equals(p.teamId(), team))
            .collect(Collectors.toMap(Resident::id, Function.identity()));
        return rows.stream()
            .filter(r -> persons.containsKey(r.personId()))
            .map(r -> new Deadline(r.personId(), persons.get(r.personId()).name(), DeadlineKind.valueOf(r.kind()),
                    r.dueDate(), r.dueDate().isBefore(today), basis(r)))
            .sorted(OVERDUE_FIRST)
            .toList();
    }

    /**
     * The legal basis when the stored date is the legal one (not ended early or
     * extended).
     */
    private static @Nullable Basis legalOnly(Basis basis, Row r) {
        return basis.date().equals(r.dueDate()) ? basis : null;
    }

    /** The basis of a date the law sets, from the inputs stored with it. */
    private @Nullable Basis basis(Row r) {
        try {
            return switch (DeadlineKind.valueOf(r.kind())) {
                case PLAN_DUE -> r.input1() == null || r.input2() == null ? null
                        : legal.planDueAsStored(r.dueDate(), r.input1(), r.input2(), r.input3());
                case INTEGRATION_PERIOD_END -> r.input1() == null ? null : legal.integrationPeriodEnd(r.input1());
                case ROUTE_SWITCH_DEADLINE -> r.input1() == null ? null : legal.routeSwitchDeadline(r.input1());
                case ONTZORGEN_END -> r.input1() == null ? null : legalOnly(legal.ontzorgenEnd(r.input1()), r);
                default -> null;
            };
        }
        catch (RuleNotInForceException ex) {
            return null;
        }
    }

}
