package nl.meedoen.plans.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.plans.AssessmentSource;
import nl.meedoen.plans.LanguageChart;
import nl.meedoen.plans.LanguageLevel;
import nl.meedoen.plans.LanguageLevelRecorded;
import nl.meedoen.plans.PartnerLanguageReports;
import nl.meedoen.plans.Skill;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Seeding;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;
import nl.meedoen.trajectories.LessonHours;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's Dutch per skill over time, and the NT2 lesson hours followed. After every
 * change to the hours their total goes to the trajectories module, in the same
 * transaction: it decides whether the B1 route may step down. A partner organisation's
 * reports (levels with the source PARTNER, hours split into classroom and online) come in
 * through {@link PartnerLanguageReports}.
 */
@Service
public class LanguageProgress implements PartnerLanguageReports {

    public record Assessment(UUID id, Skill skill, LanguageLevel level, LocalDate assessedOn, AssessmentSource source) {
    }

    public record LessonEntry(UUID id, LocalDate followedUntil, BigDecimal hours, @Nullable String provider) {
    }

    private static final BigDecimal MAX_ENTRY = BigDecimal.valueOf(1000);

    private final JdbcClient jdbc;

    private final Residents residents;

    private final LessonHours lessonHours;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    LanguageProgress(JdbcClient jdbc, Residents residents, LessonHours lessonHours, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.residents = residents;
        this.lessonHours = lessonHours;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a level of one skill, assessed on a day that is not in the future. */
    @Transactional
    public Assessment record(UUID personId, Skill skill, LanguageLevel level, LocalDate assessedOn,
            AssessmentSource source) {
        if (source == AssessmentSource.PARTNER) {
            throw new InvalidInputException("source", "plans.language.sourcePartner");
        }
        return insertLevel(personId, skill, level, assessedOn, source);
    }

    @Override
    @Transactional
    public void recordPartnerLevel(UUID personId, Skill skill, LanguageLevel level, LocalDate assessedOn) {
        insertLevel(personId, skill, level, assessedOn, AssessmentSource.PARTNER);
    }

    private Assessment insertLevel(UUID personId, Skill skill, LanguageLevel level, LocalDate assessedOn,
            AssessmentSource source) {
        requirePerson(personId);
        Checks.notAfter(assessedOn, LocalDate.now(clock), "assessedOn");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into language_level (id, municipality_id, person_id, skill, level, assessed_on, source)
                values (:id, :m, :p, :skill, :level, :on, :source)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("skill", skill.name())
            .param("level", level.name())
            .param("on", assessedOn)
            .param("source", source.name())
            .update();
        audit.record(AuditAction.PLAN_UPDATE, personId);
        Seeding.publishUnlessSeeding(events,
                new LanguageLevelRecorded(Tenancy.require(), personId, skill, level, assessedOn));
        return new Assessment(id, skill, level, assessedOn, source);
    }

    /**
     * Every level recorded, in date order (skills in their fixed order within a day).
     */
    @Transactional(readOnly = true)
    public List<Assessment> levels(UUID personId) {
        requirePerson(personId);
        return jdbc.sql("""
                select id, skill, level, assessed_on, source from language_level
                where municipality_id = :m and person_id = :p
                order by assessed_on, array_position(array['READING', 'LISTENING', 'WRITING', 'SPEAKING'], skill),
                    created_at""").param("m", Tenancy.require()).param("p", personId).query(Assessment.class).list();
    }

    /** Every level recorded, drawn as the chart with its table, in the reader's words. */
    @Transactional(readOnly = true)
    public LanguageChart chart(UUID personId, LanguageChart.Labels labels) {
        return LanguageChart.of(levels(personId).stream()
            .map(a -> new LanguageChart.Level(a.skill(), a.level(), a.assessedOn(), a.source()))
            .toList(), labels);
    }

    /**
     * Records lesson hours followed up to a day and reports the new total to the
     * trajectories module.
     */
    @Transactional
    public LessonEntry addLessonHours(UUID personId, LocalDate followedUntil, @Nullable BigDecimal hours,
            @Nullable String provider) {
        requirePerson(personId);
        Checks.notAfter(followedUntil, LocalDate.now(clock), "followedUntil");
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_ENTRY) > 0 || hours.scale() > 1) {
            throw new InvalidInputException("hours", "plans.lessonHours.hours");
        }
        String name = Checks.optional(provider, "provider", 200);
        return insertLessonEntry(personId, followedUntil, hours, null, name);
    }

    @Override
    @Transactional
    public void recordPartnerLessonHours(UUID personId, BigDecimal classroomHours, BigDecimal onlineHours,
            LocalDate followedUntil, String partnerName) {
        requirePerson(personId);
        Checks.notAfter(followedUntil, LocalDate.now(clock), "followedUntil");
        List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
        if (classroomHours.signum() < 0 || classroomHours.scale() > 1) {
            errors.add(new InvalidInputException.FieldError("classroomHours", "plans.lessonHours.part"));
        }
        if (onlineHours.signum() < 0 || onlineHours.scale() > 1) {
            errors.add(new InvalidInputException.FieldError("onlineHours", "plans.lessonHours.part"));
        }
        BigDecimal hours = classroomHours.add(onlineHours);
        if (errors.isEmpty() && (hours.signum() <= 0 || hours.compareTo(MAX_ENTRY) > 0)) {
            errors.add(new InvalidInputException.FieldError("classroomHours", "plans.lessonHours.hours"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String name = partnerName.strip();
        insertLessonEntry(personId, followedUntil, hours, classroomHours,
                name.length() > 200 ? name.substring(0, 200) : name);
    }

    private LessonEntry insertLessonEntry(UUID personId, LocalDate followedUntil, BigDecimal hours,
            @Nullable BigDecimal classroomHours, @Nullable String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into nt2_lesson_entry (id, municipality_id, person_id, followed_until, hours, classroom_hours,
                    provider)
                values (:id, :m, :p, :until, :hours, :classroom, :provider)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("until", followedUntil)
            .param("hours", hours)
            .param("classroom", classroomHours)
            .param("provider", name)
            .update();
        reportTotal(personId);
        audit.record(AuditAction.PLAN_UPDATE, personId);
        return new LessonEntry(id, followedUntil, hours, name);
    }

    /** The lesson hours recorded, in date order. */
    @Transactional(readOnly = true)
    public List<LessonEntry> lessonEntries(UUID personId) {
        requirePerson(personId);
        return jdbc.sql("""
                select id, followed_until, hours, provider from nt2_lesson_entry
                where municipality_id = :m and person_id = :p order by followed_until, created_at""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(LessonEntry.class)
            .list();
    }

    /** The total of the lesson hours recorded. */
    @Transactional(readOnly = true)
    public BigDecimal totalHours(UUID personId) {
        return jdbc.sql("""
                select coalesce(sum(hours), 0) from nt2_lesson_entry where municipality_id = :m and person_id = :p""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(BigDecimal.class)
            .single();
    }

    private void reportTotal(UUID personId) {
        LocalDate asOf = jdbc.sql("""
                select max(followed_until) from nt2_lesson_entry where municipality_id = :m and person_id = :p""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(LocalDate.class)
            .single();
        // the classroom share is known only while every entry says how many of its hours
        // were in class
        BigDecimal classroom = jdbc.sql("""
                select case when bool_and(classroom_hours is not null) then sum(classroom_hours) end
                from nt2_lesson_entry where municipality_id = :m and person_id = :p""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query((rs, n) -> rs.getBigDecimal(1))
            .list()
            .get(0);
        lessonHours.recordTotal(personId, totalHours(personId), classroom, asOf);
    }

    private void requirePerson(UUID personId) {
        residents.find(personId).orElseThrow(NotFoundException::new);
    }

}
