package nl.meedoen.plans.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.plans.ChildEducationRecorded;
import nl.meedoen.plans.IncomeRecorded;
import nl.meedoen.plans.IncomeSource;
import nl.meedoen.plans.WorkSituationRecorded;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Seeding;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.VersionRequiredException;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The circumstances the plan works with: the education of each child in the person's
 * household, the person's income over time, paid work and the route to work at the social
 * service, and the local places the person knows how to find ("wegwijs"). Every change is
 * logged with the person it is about.
 */
@Service
public class Circumstances {

    /** A child is a household member under this age. */
    static final int CHILD_UNDER = 18;

    public record ChildEducation(@Nullable String school, @Nullable String childcare, boolean vveIndication,
            boolean vveParticipation, boolean speechTherapy, boolean isk, boolean pupilTransport, boolean lunchCare,
            @Nullable String parentalInvolvement) {

        public static final ChildEducation NONE = new ChildEducation(null, null, false, false, false, false, false,
                false, null);

        /** The yes/no provisions by name, in a fixed order. */
        public Map<String, Boolean> flags() {
            Map<String, Boolean> flags = new LinkedHashMap<>();
            flags.put("vveIndication", vveIndication);
            flags.put("vveParticipation", vveParticipation);
            flags.put("speechTherapy", speechTherapy);
            flags.put("isk", isk);
            flags.put("pupilTransport", pupilTransport);
            flags.put("lunchCare", lunchCare);
            return flags;
        }
    }

    /**
     * A child with its education; {@code version} is the stored education's version (to
     * send back with a change), null while none is stored.
     */
    public record Child(Resident child, int age, ChildEducation education, @Nullable Integer version) {
    }

    public record IncomePeriod(UUID id, IncomeSource source, LocalDate startsOn, @Nullable LocalDate endsOn) {
    }

    public record Work(@Nullable BigDecimal paidHoursPerWeek, @Nullable String routeToWork) {

        public static final Work NONE = new Work(null, null);

    }

    private final JdbcClient jdbc;

    private final Residents residents;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    Circumstances(JdbcClient jdbc, Residents residents, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.residents = residents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The children (under 18 today) in the person's household, youngest last, with their
     * education.
     */
    @Transactional(readOnly = true)
    public List<Child> children(UUID personId) {
        LocalDate today = LocalDate.now(clock);
        Resident person = residents.find(personId).orElseThrow(NotFoundException::new);
        if (person.householdId() == null) {
            return List.of();
        }
        return residents.household(person.householdId())
            .stream()
            .filter(r -> !r.id().equals(personId) && !r.ended())
            .filter(r -> Period.between(r.dateOfBirth(), today).getYears() < CHILD_UNDER)
            .sorted((a, b) -> a.dateOfBirth().compareTo(b.dateOfBirth()))
            .map(r -> new Child(r, Period.between(r.dateOfBirth(), today).getYears(), education(r.id()),
                    storedVersion("child_education", "child_id", r.id(), false).orElse(null)))
            .toList();
    }

    /**
     * Records a child's education; the child must be in the person's household.
     * {@code version} is the stored education's version the caller read: needed once one
     * is stored (428 without, 412 for another), none for the first save.
     */
    @Transactional
    public void recordChild(UUID personId, UUID childId, ChildEducation education, @Nullable Integer version) {
        Resident person = residents.find(personId).orElseThrow(NotFoundException::new);
        boolean inHousehold = person.householdId() != null && residents.household(person.householdId())
            .stream()
            .anyMatch(r -> r.id().equals(childId) && !r.id().equals(personId));
        if (!inHousehold) {
            throw new NotFoundException();
        }
        int expected = expected(storedVersion("child_education", "child_id", childId, true), version);
        int changed = jdbc.sql("""
                insert into child_education (municipality_id, child_id, school, childcare, vve_indication,
                    vve_participation, speech_therapy, isk, pupil_transport, lunch_care, parental_involvement)
                values (:m, :c, :school, :childcare, :vveI, :vveP, :speech, :isk, :transport, :lunch, :parents)
                on conflict (municipality_id, child_id) do update set school = excluded.school,
                    childcare = excluded.childcare, vve_indication = excluded.vve_indication,
                    vve_participation = excluded.vve_participation, speech_therapy = excluded.speech_therapy,
                    isk = excluded.isk, pupil_transport = excluded.pupil_transport, lunch_care = excluded.lunch_care,
                    parental_involvement = excluded.parental_involvement, version = child_education.version + 1,
                    updated_at = now()
                where child_education.version = :expected""")
            .param("m", Tenancy.require())
            .param("c", childId)
            .param("school", Checks.optional(education.school(), "school", 200))
            .param("childcare", Checks.optional(education.childcare(), "childcare", 200))
            .param("vveI", education.vveIndication())
            .param("vveP", education.vveParticipation())
            .param("speech", education.speechTherapy())
            .param("isk", education.isk())
            .param("transport", education.pupilTransport())
            .param("lunch", education.lunchCare())
            .param("parents", Checks.optional(education.parentalInvolvement(), "parentalInvolvement", 1000))
            .param("expected", expected)
            .update();
        if (changed == 0) {
            throw new StaleVersionException();
        }
        audit.record(AuditAction.PLAN_UPDATE, childId);
        audit.record(AuditAction.PLAN_UPDATE, personId);
        Seeding.publishUnlessSeeding(events, new ChildEducationRecorded(Tenancy.require(), personId, childId));
    }

    /** The person's income periods, latest first. */
    @Transactional(readOnly = true)
    public List<IncomePeriod> income(UUID personId) {
        return jdbc.sql("""
                select id, source, starts_on, ends_on from income_period where municipality_id = :m and person_id = :p
                order by starts_on desc, created_at desc""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(IncomePeriod.class)
            .list();
    }

    /**
     * Records a new income source from a day: the open period before it ends the day
     * before. The new start must lie after the start of the open period.
     */
    @Transactional
    public IncomePeriod recordIncome(UUID personId, IncomeSource source, LocalDate startsOn) {
        residents.find(personId).orElseThrow(NotFoundException::new);
        List<IncomePeriod> periods = income(personId);
        if (!periods.isEmpty() && !startsOn.isAfter(periods.get(0).startsOn())) {
            throw new InvalidInputException("startsOn", "plans.income.notAfterPrevious");
        }
        jdbc.sql("""
                update income_period set ends_on = :end
                where municipality_id = :m and person_id = :p and ends_on is null""")
            .param("end", startsOn.minusDays(1))
            .param("m", Tenancy.require())
            .param("p", personId)
            .update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into income_period (id, municipality_id, person_id, source, starts_on)
                values (:id, :m, :p, :source, :start)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("source", source.name())
            .param("start", startsOn)
            .update();
        audit.record(AuditAction.PLAN_UPDATE, personId);
        Seeding.publishUnlessSeeding(events, new IncomeRecorded(Tenancy.require(), personId, source, startsOn));
        return new IncomePeriod(id, source, startsOn, null);
    }

    @Transactional(readOnly = true)
    public Work work(UUID personId) {
        return jdbc
            .sql("""
                    select paid_hours_per_week, route_to_work from work_situation where municipality_id = :m and person_id = :p""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(Work.class)
            .optional()
            .orElse(Work.NONE);
    }

    /** The version of the person's stored work situation, if one is stored. */
    @Transactional(readOnly = true)
    public Optional<Integer> workVersion(UUID personId) {
        return storedVersion("work_situation", "person_id", personId, false);
    }

    /**
     * Records the person's paid work. {@code version} is the stored situation's version
     * the caller read: needed once one is stored (428 without, 412 for another), none for
     * the first save.
     */
    @Transactional
    public void recordWork(UUID personId, Work work, @Nullable Integer version) {
        residents.find(personId).orElseThrow(NotFoundException::new);
        BigDecimal hours = work.paidHoursPerWeek();
        if (hours != null && (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(80)) > 0 || hours.scale() > 1)) {
            throw new InvalidInputException("paidHoursPerWeek", "plans.work.hours");
        }
        String route = Checks.optional(work.routeToWork(), "routeToWork", 1000);
        int expected = expected(storedVersion("work_situation", "person_id", personId, true), version);
        int changed = jdbc.sql("""
                insert into work_situation (municipality_id, person_id, paid_hours_per_week, route_to_work)
                values (:m, :p, :hours, :route)
                on conflict (municipality_id, person_id) do update set
                    paid_hours_per_week = excluded.paid_hours_per_week, route_to_work = excluded.route_to_work,
                    version = work_situation.version + 1, updated_at = now()
                where work_situation.version = :expected""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("hours", hours)
            .param("route", route)
            .param("expected", expected)
            .update();
        if (changed == 0) {
            throw new StaleVersionException();
        }
        audit.record(AuditAction.PLAN_UPDATE, personId);
        Seeding.publishUnlessSeeding(events, new WorkSituationRecorded(Tenancy.require(), personId));
    }

    /**
     * The checklist: each place of the municipality's list with the day the person knew
     * it, or null.
     */
    @Transactional(readOnly = true)
    public Map<String, @Nullable LocalDate> wegwijs(UUID personId, List<String> places) {
        Map<String, LocalDate> known = new LinkedHashMap<>();
        jdbc.sql("select place, known_on from wegwijs_known where municipality_id = :m and person_id = :p")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query((rs, row) -> known.put(rs.getString(1), rs.getObject(2, LocalDate.class)))
            .list();
        Map<String, @Nullable LocalDate> checklist = new LinkedHashMap<>();
        places.forEach(place -> checklist.put(place, known.get(place)));
        return checklist;
    }

    /**
     * Ticks the places the person now knows (with the day) and unticks the others of the
     * list.
     */
    @Transactional
    public void recordWegwijs(UUID personId, List<String> places, List<String> knownNow, LocalDate on) {
        residents.find(personId).orElseThrow(NotFoundException::new);
        Checks.notAfter(on, LocalDate.now(clock), "knownOn");
        for (String place : places) {
            if (knownNow.contains(place)) {
                jdbc.sql(
                        """
                                insert into wegwijs_known (municipality_id, person_id, place, known_on) values (:m, :p, :place, :on)
                                on conflict (municipality_id, person_id, place) do nothing""")
                    .param("m", Tenancy.require())
                    .param("p", personId)
                    .param("place", place)
                    .param("on", on)
                    .update();
            }
            else {
                jdbc.sql("delete from wegwijs_known where municipality_id = :m and person_id = :p and place = :place")
                    .param("m", Tenancy.require())
                    .param("p", personId)
                    .param("place", place)
                    .update();
            }
        }
        audit.record(AuditAction.PLAN_UPDATE, personId);
    }

    private Optional<Integer> storedVersion(String table, String key, UUID id, boolean forUpdate) {
        return jdbc
            .sql("select version from " + table + " where municipality_id = :m and " + key + " = :id"
                    + (forUpdate ? " for update" : ""))
            .param("m", Tenancy.require())
            .param("id", id)
            .query(Integer.class)
            .optional();
    }

    /**
     * The version an upsert may overwrite: the stored one when the caller named it; none
     * stored yet and none named is a first save, which a save made at the same moment
     * refuses (no stored row has version -1).
     */
    private static int expected(Optional<Integer> stored, @Nullable Integer version) {
        if (stored.isPresent()) {
            if (version == null) {
                throw new VersionRequiredException();
            }
            if (!stored.get().equals(version)) {
                throw new StaleVersionException();
            }
            return version;
        }
        if (version != null && version != 0) {
            throw new StaleVersionException();
        }
        return -1;
    }

    private ChildEducation education(UUID childId) {
        return jdbc.sql("""
                select school, childcare, vve_indication, vve_participation, speech_therapy, isk, pupil_transport,
                    lunch_care, parental_involvement
                from child_education where municipality_id = :m and child_id = :c""")
            .param("m", Tenancy.require())
            .param("c", childId)
            .query(ChildEducation.class)
            .optional()
            .orElse(ChildEducation.NONE);
    }

}
