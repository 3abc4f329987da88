package nl.meedoen.trajectories.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import nl.meedoen.law.NationalRules;
import nl.meedoen.law.RuleCode;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.ResidentSets;
import nl.meedoen.trajectories.ExamOutcome;
import nl.meedoen.trajectories.ExamPart;
import nl.meedoen.trajectories.ExemptPart;
import nl.meedoen.trajectories.ExemptionKind;
import nl.meedoen.trajectories.IntegrationRegime;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.PvtStatus;
import nl.meedoen.trajectories.TrajectoryReport;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trajectory report as one statement over the module's tables, joined to the persons'
 * identities through {@link ResidentSets#identified()}: per exam part the best result up
 * to the period's end (a pass before a fail, then the latest), the exemptions decided up
 * to it, the PVT, the MAP and the NT2 hours as recorded. Rows are fetched from a cursor
 * in batches, so the report of a large municipality is never held in memory. Whether the
 * MAP is done and whether the 600-hour rule is met are judged with the national rule set:
 * the MAP's practical hours in force on its final interview, the step-down's lesson hours
 * and classroom share in force on the period's end.
 */
@Component
class TrajectoryReportQuery implements TrajectoryReport {

    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;

    private final ResidentSets residents;

    private final NationalRules law;

    TrajectoryReportQuery(JdbcClient jdbc, ResidentSets residents, NationalRules law) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.law = law;
    }

    @Override
    @Transactional(readOnly = true)
    public long forPeriod(LocalDate from, LocalDate to, Consumer<Line> each) {
        long[] count = { 0 };
        int stepDownHours = law.rule(RuleCode.STEP_DOWN_LESSON_HOURS, to).value();
        int classroomPercent = law.rule(RuleCode.STEP_DOWN_CLASSROOM_PERCENT, to).value();
        jdbc.sql("with identified as (" + residents.identified() + """
                ), duty as (
                    select d.* from integration_duty d
                    where d.municipality_id = :municipality and d.duo_notice_date <= :to
                        and (d.integration_period_end is null or d.integration_period_end >= :from)
                ), best_exam as (
                    select distinct on (e.person_id, e.part) e.person_id, e.part, e.result, e.level, e.taken_on
                    from exam_result e join duty d on d.person_id = e.person_id
                    where e.municipality_id = :municipality and e.taken_on <= :to
                    order by e.person_id, e.part, (e.result = 'PASSED') desc, e.taken_on desc
                ), exams as (
                    select person_id, string_agg(part || '|' || result || '|' || coalesce(level, '') || '|'
                        || taken_on, ';') as exams
                    from best_exam group by person_id
                ), exemptions as (
                    select x.person_id, string_agg(x.part || '|' || x.kind || '|' || x.decided_on, ';') as exemptions
                    from integration_exemption x join duty d on d.person_id = x.person_id
                    where x.municipality_id = :municipality and x.decided_on <= :to
                    group by x.person_id
                )
                select d.person_id, i.bsn, i.v_number, i.family_name, i.given_names, i.date_of_birth,
                    d.regime, d.duo_notice_date, d.brp_registration_date, b.completed_on as intake_completed_on,
                    d.plan_due_date, d.plan_adopted_on, d.pip_revised_on, d.route, d.route_level,
                    d.integration_period_start, d.integration_period_end, d.route_switch_deadline,
                    d.onderwijs_completed_on, e.exams, x.exemptions,
                    coalesce(pd.status, 'NOT_STARTED') as pvt_status, pd.signed_on as pvt_signed_on,
                    d.map_practical_hours, d.map_themes_done, d.map_interview_on,
                    h.total_hours, h.classroom_hours, h.as_of, d.z_course_hours, d.z_participation_hours
                from duty d
                    join identified i on i.person_id = d.person_id
                    left join broad_intake b on b.municipality_id = :municipality and b.person_id = d.person_id
                    left join participation_declaration pd on pd.municipality_id = :municipality
                        and pd.person_id = d.person_id
                    left join nt2_lesson_hours h on h.municipality_id = :municipality and h.person_id = d.person_id
                    left join exams e on e.person_id = d.person_id
                    left join exemptions x on x.person_id = d.person_id
                order by i.family_name, i.given_names, d.person_id""")
            .withFetchSize(FETCH_SIZE)
            .param("municipality", Tenancy.require())
            .param("from", from)
            .param("to", to)
            .query(rs -> {
                each.accept(line(rs, stepDownHours, classroomPercent));
                count[0]++;
            });
        return count[0];
    }

    private Line line(ResultSet rs, int stepDownHours, int classroomPercent) throws SQLException {
        Map<ExamPart, Exam> exams = new EnumMap<>(ExamPart.class);
        for (String[] cells : cells(rs.getString("exams"))) {
            exams.put(ExamPart.valueOf(cells[0]), new Exam(ExamOutcome.valueOf(cells[1]),
                    cells[2].isEmpty() ? null : cells[2], LocalDate.parse(cells[3])));
        }
        Map<ExemptPart, Exemption> exemptions = new EnumMap<>(ExemptPart.class);
        for (String[] cells : cells(rs.getString("exemptions"))) {
            exemptions.put(ExemptPart.valueOf(cells[0]),
                    new Exemption(ExemptionKind.valueOf(cells[1]), LocalDate.parse(cells[2])));
        }
        String route = rs.getString("route");
        LearningRoute learningRoute = route == null ? null : LearningRoute.valueOf(route);
        BigDecimal mapHours = rs.getBigDecimal("map_practical_hours");
        LocalDate mapInterview = date(rs, "map_interview_on");
        BigDecimal hours = rs.getBigDecimal("total_hours");
        BigDecimal classroom = rs.getBigDecimal("classroom_hours");
        return new Line(rs.getObject("person_id", UUID.class), trimmed(rs.getString("bsn")),
                trimmed(rs.getString("v_number")), rs.getString("family_name"), rs.getString("given_names"),
                required(rs, "date_of_birth"), IntegrationRegime.valueOf(rs.getString("regime")),
                required(rs, "duo_notice_date"), required(rs, "brp_registration_date"), date(rs, "intake_completed_on"),
                date(rs, "plan_due_date"), date(rs, "plan_adopted_on"), date(rs, "pip_revised_on"), learningRoute,
                rs.getString("route_level"), date(rs, "integration_period_start"), date(rs, "integration_period_end"),
                date(rs, "route_switch_deadline"), date(rs, "onderwijs_completed_on"), exams, exemptions,
                PvtStatus.valueOf(rs.getString("pvt_status")), date(rs, "pvt_signed_on"), mapHours,
                rs.getInt("map_themes_done"), mapInterview, mapDone(learningRoute, exemptions, mapHours, mapInterview),
                hours, classroom, date(rs, "as_of"), stepDownReached(hours, classroom, stepDownHours, classroomPercent),
                rs.getBigDecimal("z_course_hours"), rs.getBigDecimal("z_participation_hours"));
    }

    /**
     * The MAP is done with its final interview once the practical hours in force on that
     * day are reached; it does not apply without a PIP or in the onderwijsroute.
     */
    private @Nullable Done mapDone(@Nullable LearningRoute route, Map<ExemptPart, Exemption> exemptions,
            BigDecimal hours, @Nullable LocalDate interview) {
        if (exemptions.containsKey(ExemptPart.MAP) || exemptions.containsKey(ExemptPart.WHOLE_DUTY)) {
            return Done.EXEMPT;
        }
        if (route == null || route == LearningRoute.ONDERWIJS) {
            return null;
        }
        boolean done = interview != null
                && hours.compareTo(BigDecimal.valueOf(law.rule(RuleCode.MAP_PRACTICAL_HOURS, interview).value())) >= 0;
        return done ? Done.YES : Done.NO;
    }

    /**
     * The lesson hours of the step-down to A2: the national number of hours and, where
     * the classroom hours are known, their share.
     */
    static boolean stepDownReached(@Nullable BigDecimal hours, @Nullable BigDecimal classroom, int stepDownHours,
            int classroomPercent) {
        if (hours == null || hours.compareTo(BigDecimal.valueOf(stepDownHours)) < 0) {
            return false;
        }
        return classroom == null || classroom.multiply(BigDecimal.valueOf(100))
            .compareTo(hours.multiply(BigDecimal.valueOf(classroomPercent))) >= 0;
    }

    private static String[][] cells(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return new String[0][];
        }
        String[] items = text.split(";");
        String[][] cells = new String[items.length][];
        for (int i = 0; i < items.length; i++) {
            cells[i] = items[i].split("\\|", -1);
        }
        return cells;
    }

    private static @Nullable String trimmed(@Nullable String text) {
        return text == null ? null : text.trim();
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static LocalDate required(ResultSet rs, String column) throws SQLException {
        return rs.getDate(column).toLocalDate();
    }

}
