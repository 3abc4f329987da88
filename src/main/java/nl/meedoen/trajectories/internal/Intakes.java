package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.VersionRequiredException;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.trajectories.BroadIntakeCompleted;
import nl.meedoen.trajectories.IntakeAppointmentScheduled;
import nl.meedoen.trajectories.IntakeNoShowRecorded;
import nl.meedoen.trajectories.IntakeOutcome;
import nl.meedoen.trajectories.NoShowConsequence;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The broad intake of the persons of the current municipality: its components, the
 * appointments (invitations) and the no-show ladder. Health notes are special-category
 * data within special-category data: only the person's own caseworker team reads or
 * writes them; everyone else sees that they exist, not what they say.
 */
@Service
public class Intakes {

    /** The components of the intake as the caller may see them. */
    public record Intake(@Nullable LocalDate learnabilityTestedOn, @Nullable String learnabilityResult,
            @Nullable String educationHistory, @Nullable String workHistory, @Nullable String personalCircumstances,
            @Nullable String healthNotes, boolean healthVisible, boolean hasHealthNotes,
            @Nullable LocalDate vveInformedOn, @Nullable LocalDate completedOn, int version) {

        static final Intake EMPTY = new Intake(null, null, null, null, null, null, true, false, null, null, 0);

    }

    /**
     * What a caseworker enters; {@code healthNotes} null leaves the stored notes as they
     * are, blank clears them.
     */
    public record Components(@Nullable LocalDate learnabilityTestedOn, @Nullable String learnabilityResult,
            @Nullable String educationHistory, @Nullable String workHistory, @Nullable String personalCircumstances,
            @Nullable String healthNotes, @Nullable LocalDate vveInformedOn, @Nullable LocalDate completedOn) {
    }

    /** One invitation and what became of it. */
    public record Appointment(UUID id, LocalDate scheduledOn, @Nullable LocalTime scheduledTime,
            @Nullable String location, IntakeOutcome outcome, @Nullable Integer noShowStep,
            @Nullable NoShowConsequence consequence, @Nullable Integer fineEuros, int version) {
    }

    /** The outcome recorded, with the step on the ladder when the person did not come. */
    public record Outcome(Appointment appointment, @Nullable Appointment newInvitation,
            boolean planWithoutInputAllowed) {
    }

    private final TrajectoryRecords records;

    private final Fines fines;

    Intakes(TrajectoryRecords records, Fines fines) {
        this.records = records;
        this.fines = fines;
    }

    /**
     * Only the person's own caseworker team (or the system itself) may see health notes;
     * a team the file is shared with (need-to-know) does not.
     */
    static boolean ownTeam(Resident person) {
        return person.ofCallersTeam();
    }

    /** The person's intake (empty when nothing was recorded). */
    @Transactional(readOnly = true)
    public Intake find(UUID personId) {
        Resident person = records.person(personId);
        return load(personId, ownTeam(person), false).orElse(Intake.EMPTY);
    }

    /**
     * Saves the components when {@code expectedVersion} is still current (0 for a first
     * save). Someone outside the person's team who sends health notes is refused; their
     * save leaves the stored notes alone.
     */
    @Transactional
    public Intake save(UUID personId, Components c, int expectedVersion) {
        Resident person = records.person(personId);
        boolean ownTeam = ownTeam(person);
        if (c.healthNotes() != null && !ownTeam) {
            throw new AccessDeniedException("health notes belong to the person's own team");
        }
        validate(c, records.today());
        TrajectoryVersions.lock(records, TrajectoryVersions.Part.BROAD_INTAKE, personId);
        Optional<Intake> existing = load(personId, true, true);
        int current = existing.map(Intake::version).orElse(0);
        if (current != expectedVersion) {
            throw new StaleVersionException();
        }
        String health = c.healthNotes() == null ? existing.map(Intake::healthNotes).orElse(null)
                : blankToNull(c.healthNotes());
        records.sql("""
                insert into broad_intake (municipality_id, person_id, learnability_tested_on, learnability_result,
                    education_history, work_history, personal_circumstances, health_notes, vve_informed_on,
                    completed_on, version)
                values (:m, :p, :tested, :result, :education, :work, :circumstances, :health, :vve, :completed, 1)
                on conflict (municipality_id, person_id) do update set
                    learnability_tested_on = excluded.learnability_tested_on,
                    learnability_result = excluded.learnability_result,
                    education_history = excluded.education_history, work_history = excluded.work_history,
                    personal_circumstances = excluded.personal_circumstances, health_notes = excluded.health_notes,
                    vve_informed_on = excluded.vve_informed_on, completed_on = excluded.completed_on,
                    version = broad_intake.version + 1, updated_at = now()""")
            .param("p", personId)
            .param("tested", c.learnabilityTestedOn())
            .param("result", blankToNull(c.learnabilityResult()))
            .param("education", blankToNull(c.educationHistory()))
            .param("work", blankToNull(c.workHistory()))
            .param("circumstances", blankToNull(c.personalCircumstances()))
            .param("health", health)
            .param("vve", c.vveInformedOn())
            .param("completed", c.completedOn())
            .update();
        records.changed(personId);
        if (c.completedOn() != null && existing.map(Intake::completedOn).isEmpty()) {
            records.publish(new BroadIntakeCompleted(Tenancy.require(), personId, c.completedOn()));
        }
        return load(personId, ownTeam, false).orElseThrow();
    }

    /** No date lies in the future; a completed intake has its learnability test. */
    static void validate(Components c, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        notFuture(errors, "learnabilityTestedOn", c.learnabilityTestedOn(), today);
        notFuture(errors, "vveInformedOn", c.vveInformedOn(), today);
        notFuture(errors, "completedOn", c.completedOn(), today);
        tooLong(errors, "learnabilityResult", c.learnabilityResult(), 500);
        tooLong(errors, "educationHistory", c.educationHistory(), 4000);
        tooLong(errors, "workHistory", c.workHistory(), 4000);
        tooLong(errors, "personalCircumstances", c.personalCircumstances(), 4000);
        tooLong(errors, "healthNotes", c.healthNotes(), 4000);
        if (c.completedOn() != null && c.learnabilityTestedOn() == null) {
            errors.add(new FieldError("learnabilityTestedOn", "trajectories.intake.learnabilityBeforeCompletion"));
        }
        if (c.completedOn() != null && c.learnabilityTestedOn() != null
                && c.completedOn().isBefore(c.learnabilityTestedOn())) {
            errors.add(new FieldError("completedOn", "trajectories.intake.completedBeforeTest"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Invites the person; one open invitation at a time. */
    @Transactional
    public Appointment schedule(UUID personId, LocalDate on, @Nullable LocalTime time, @Nullable String location) {
        records.person(personId);
        lockPerson(personId);
        if (open(personId).isPresent()) {
            throw new ConflictException("trajectories.intake.openAppointment");
        }
        Appointment appointment = insert(personId, on, time, location);
        records.changed(personId);
        return appointment;
    }

    /**
     * Records what became of an open appointment. A no-show climbs the ladder: a warning,
     * then a fine proposal, each with the new invitation the caller gives; from the 3rd
     * no-show a second fine proposal and the plan may be set without the person's input.
     * A proposal opens a fine process ({@link Fines}); the ladder never decides a fine.
     * {@code version} is the appointment's version the caller read (428 without, 412 for
     * another).
     */
    @Transactional
    public Outcome recordOutcome(UUID personId, UUID appointmentId, @Nullable IntakeOutcome outcome,
            @Nullable LocalDate newInvitationOn, @Nullable LocalTime newInvitationTime,
            @Nullable String newInvitationLocation, @Nullable Integer version) {
        records.person(personId);
        lockPerson(personId);
        Appointment appointment = appointments(personId).stream()
            .filter(a -> a.id().equals(appointmentId))
            .findFirst()
            .orElseThrow(NotFoundException::new);
        if (version == null) {
            throw new VersionRequiredException();
        }
        if (version != appointment.version()) {
            throw new StaleVersionException();
        }
        if (outcome == null || outcome == IntakeOutcome.SCHEDULED) {
            throw new InvalidInputException("outcome", "trajectories.intake.outcome.required");
        }
        if (appointment.outcome() != IntakeOutcome.SCHEDULED) {
            throw new ConflictException("trajectories.intake.outcomeRecorded");
        }
        LocalDate today = records.today();
        if (outcome != IntakeOutcome.CANCELLED && appointment.scheduledOn().isAfter(today)) {
            throw new InvalidInputException("outcome", "trajectories.intake.notYetHeld");
        }
        Integer step = null;
        NoShowConsequence consequence = null;
        Integer fine = null;
        if (outcome == IntakeOutcome.NO_SHOW) {
            step = noShows(personId) + 1;
            consequence = NoShowConsequence.ofStep(step);
            fine = consequence.proposesFine() ? records.rules().noShowFineEuros() : null;
            if (consequence.needsNewInvitation() && newInvitationOn == null) {
                throw new InvalidInputException("newInvitationOn", "trajectories.intake.newInvitation.required");
            }
        }
        if (newInvitationOn != null && !newInvitationOn.isAfter(appointment.scheduledOn())) {
            throw new InvalidInputException("newInvitationOn", "trajectories.intake.newInvitation.afterMissed");
        }
        records.sql("""
                update intake_appointment set outcome = :outcome, no_show_step = :step, consequence = :consequence,
                    fine_euros = :fine, recorded_by = :by, recorded_at = now(), version = version + 1
                where id = :id and municipality_id = :m""")
            .param("outcome", outcome.name())
            .param("step", step)
            .param("consequence", consequence == null ? null : consequence.name())
            .param("fine", fine)
            .param("by", CurrentUser.current().map(CurrentUser::id).orElse(null))
            .param("id", appointmentId)
            .update();
        if (fine != null) {
            fines.proposeForNoShow(personId, appointmentId, appointment.scheduledOn(), step, fine);
        }
        Appointment invitation = newInvitationOn == null ? null
                : insert(personId, newInvitationOn, newInvitationTime, newInvitationLocation);
        records.changed(personId);
        boolean withoutInput = planWithoutInputAllowed(personId);
        if (consequence != null) {
            records.publish(new IntakeNoShowRecorded(Tenancy.require(), personId, appointmentId, step, consequence,
                    fine, invitation == null ? null : invitation.id(), withoutInput));
        }
        Appointment recorded = new Appointment(appointment.id(), appointment.scheduledOn(), appointment.scheduledTime(),
                appointment.location(), outcome, step, consequence, fine, appointment.version() + 1);
        return new Outcome(recorded, invitation, withoutInput);
    }

    /** The person's appointments, by date. */
    @Transactional(readOnly = true)
    public List<Appointment> appointments(UUID personId) {
        return records.sql("""
                select id, scheduled_on, scheduled_time, location, outcome, no_show_step, consequence, fine_euros,
                    version
                from intake_appointment where municipality_id = :m and person_id = :p
                order by scheduled_on, created_at""").param("p", personId).query(Appointment.class).list();
    }

    /** From the 3rd no-show on, the PIP may be set without the person's input. */
    @Transactional(readOnly = true)
    public boolean planWithoutInputAllowed(UUID personId) {
        return noShows(personId) >= 3;
    }

    private int noShows(UUID personId) {
        return records.sql("""
                select count(*) from intake_appointment
                where municipality_id = :m and person_id = :p and outcome = 'NO_SHOW'""")
            .param("p", personId)
            .query(Integer.class)
            .single();
    }

    private Optional<Appointment> open(UUID personId) {
        return appointments(personId).stream().filter(a -> a.outcome() == IntakeOutcome.SCHEDULED).findFirst();
    }

    private Appointment insert(UUID personId, LocalDate on, @Nullable LocalTime time, @Nullable String location) {
        if (location != null && location.length() > 200) {
            throw new InvalidInputException("location", "field.tooLong");
        }
        Appointment appointment = new Appointment(UUID.randomUUID(), on, time, blankToNull(location),
                IntakeOutcome.SCHEDULED, null, null, null, 0);
        records.sql("""
                insert into intake_appointment (id, municipality_id, person_id, scheduled_on, scheduled_time, location)
                values (:id, :m, :p, :on, :time, :location)""")
            .param("id", appointment.id())
            .param("p", personId)
            .param("on", on)
            .param("time", time)
            .param("location", appointment.location())
            .update();
        records.publish(new IntakeAppointmentScheduled(Tenancy.require(), personId, appointment.id(), on));
        return appointment;
    }

    /**
     * Serialises changes to one person's intake, so two no-shows recorded at once cannot
     * share a step.
     */
    private void lockPerson(UUID personId) {
        records.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
            .param("key", "intake:" + personId)
            .query(Object.class)
            .single();
    }

    private Optional<Intake> load(UUID personId, boolean healthVisible, boolean forUpdate) {
        return records.sql("""
                select learnability_tested_on, learnability_result, education_history, work_history,
                    personal_circumstances, health_notes, vve_informed_on, completed_on, version
                from broad_intake where municipality_id = :m and person_id = :p""" + TrajectoryRecords.lock(forUpdate))
            .param("p", personId)
            .query((rs, i) -> {
                String health = rs.getString("health_notes");
                return new Intake(rs.getObject("learnability_tested_on", LocalDate.class),
                        rs.getString("learnability_result"), rs.getString("education_history"),
                        rs.getString("work_history"), rs.getString("personal_circumstances"),
                        healthVisible ? health : null, healthVisible, health != null,
                        rs.getObject("vve_informed_on", LocalDate.class), rs.getObject("completed_on", LocalDate.class),
                        rs.getInt("version"));
            })
            .optional();
    }

    private static void notFuture(List<FieldError> errors, String field, @Nullable LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            errors.add(new FieldError(field, "date.future"));
        }
    }

    private static void tooLong(List<FieldError> errors, String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "field.tooLong"));
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
