package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.trajectories.FineGround;
import nl.meedoen.trajectories.FineSanctionChoice;
import nl.meedoen.trajectories.FineStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipal fine (art. 22-23 Wi2021) as a last resort with its own process under the
 * Awb: a proposal with the facts and the ground, the notice of intent with the assessment
 * of blame, the person's view, and the decision of a team lead with the objection period.
 * A person who shows a good reason is not to blame: the proposal ends without a fine. The
 * broad intake's no-show ladder only proposes; nobody decides without the steps before.
 */
@Service
public class Fines {

    /** A fine process and where it stands. */
    public record Fine(UUID id, UUID personId, FineGround ground, String facts, @Nullable UUID appointmentId,
            @Nullable Integer proposedAmount, boolean benefitSanctionPossible, FineStatus status, LocalDate proposedOn,
            @Nullable String blameAssessment, @Nullable LocalDate noticeSentOn, @Nullable String personView,
            @Nullable Boolean viewGiven, @Nullable LocalDate viewRecordedOn, @Nullable LocalDate decidedOn,
            @Nullable Integer amount, @Nullable Integer maximumAmount, @Nullable String reductionReason,
            @Nullable LocalDate objectionDeadline, @Nullable FineSanctionChoice sanctionChoice,
            @Nullable LocalDate endedOn, @Nullable String endReason, int version) {

        /**
         * Whether the amount was lowered from the proposal for the person's capacity to
         * pay.
         */
        public boolean reduced() {
            return reductionReason != null;
        }

    }

    /** One step of the history. */
    public record FineStep(FineStatus status, LocalDate on, @Nullable String note, @Nullable String byName) {
    }

    /** A fine with its history, oldest step first. */
    public record FineFile(Fine fine, List<FineStep> history) {
    }

    /**
     * What a step records. Which fields count depends on the step:
     * <ul>
     * <li>{@code NOTICE_SENT}: {@code blameAssessment} (why the person is to blame);</li>
     * <li>{@code VIEW_RECORDED}: {@code view}, or {@code viewGiven} false when none
     * came;</li>
     * <li>{@code DECIDED}: {@code amount}, {@code blameAssessment} after the view,
     * {@code reductionReason} when the amount is below the proposal;</li>
     * <li>{@code NOT_BLAMEWORTHY} and {@code WITHDRAWN}: {@code reason}; a withdrawal in
     * favour of the benefit sanction says so in {@code sanctionChoice}.</li>
     * </ul>
     * {@code on} is the day of the step, today when absent.
     */
    public record Step(@Nullable FineStatus to, @Nullable LocalDate on, @Nullable String blameAssessment,
            @Nullable String view, @Nullable Boolean viewGiven, @Nullable Integer amount,
            @Nullable String reductionReason, @Nullable String reason, @Nullable FineSanctionChoice sanctionChoice) {
    }

    private static final int TEXT_MAX = 4000;

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final TrajectoryRecords records;

    private final FineLaw law;

    Fines(TrajectoryRecords records, FineLaw law) {
        this.records = records;
        this.law = law;
    }

    /**
     * Proposes a fine with its ground and facts. {@code benefitSanctionPossible} flags
     * the proposal to the income service: a benefit sanction could apply to the same
     * conduct.
     */
    @Transactional
    public Fine propose(UUID personId, @Nullable FineGround ground, @Nullable String facts,
            @Nullable Integer proposedAmount, boolean benefitSanctionPossible) {
        records.person(personId);
        List<FieldError> errors = new ArrayList<>();
        if (ground == null) {
            errors.add(new FieldError("ground", "trajectories.fine.ground.required"));
        }
        String text = strip(facts);
        if (text == null) {
            errors.add(new FieldError("facts", "trajectories.fine.facts.required"));
        }
        else if (text.length() > TEXT_MAX) {
            errors.add(new FieldError("facts", "field.tooLong"));
        }
        if (proposedAmount != null && proposedAmount <= 0) {
            errors.add(new FieldError("proposedAmount", "trajectories.fine.amount.positive"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return insert(personId, ground, text, null, proposedAmount, benefitSanctionPossible);
    }

    /**
     * The hand-off of the broad intake's no-show ladder: a missed appointment on a step
     * that proposes a fine opens a proposal with the ladder's amount; a team lead decides
     * later, after the notice and the person's view, or the proposal ends.
     */
    @Transactional
    public Fine proposeForNoShow(UUID personId, UUID appointmentId, LocalDate missedOn, int step, int proposedAmount) {
        String facts = "Niet verschenen op de brede intake van %s (%de keer niet verschenen)."
            .formatted(DUTCH_DATE.format(missedOn), step);
        return insert(personId, FineGround.INTAKE, facts, appointmentId, proposedAmount, false);
    }

    /** The legal maximum of a fine decided on {@code on}. */
    public int maximumEuros(LocalDate on) {
        return law.maximumEuros(on);
    }

    /** The person's fines, newest first. */
    @Transactional(readOnly = true)
    public List<Fine> of(UUID personId) {
        records.person(personId);
        return records.sql(SELECT + " where municipality_id = :m and person_id = :p order by created_at desc, id")
            .param("p", personId)
            .query(Fine.class)
            .list();
    }

    /** One fine of the person with its history; another person's fine is not found. */
    @Transactional(readOnly = true)
    public FineFile find(UUID personId, UUID fineId) {
        records.person(personId);
        Fine fine = load(personId, fineId, false).orElseThrow(NotFoundException::new);
        return new FineFile(fine, history(fineId));
    }

    /**
     * Takes the fine to its next step when {@code expectedVersion} (if given) is still
     * current. A step that does not follow from the current one is refused (409); only a
     * team lead decides.
     */
    @Transactional
    public FineFile advance(UUID personId, UUID fineId, Step step, @Nullable Integer expectedVersion) {
        records.person(personId);
        Fine fine = load(personId, fineId, true).orElseThrow(NotFoundException::new);
        if (expectedVersion != null && expectedVersion != fine.version()) {
            throw new StaleVersionException();
        }
        FineStatus to = step.to();
        if (to == null) {
            throw new InvalidInputException("to", "trajectories.fine.to.required");
        }
        if (!fine.status().next().contains(to)) {
            throw new ConflictException("trajectories.fine.illegalStep", fine.status().name(), to.name());
        }
        LocalDate on = step.on() == null ? records.today() : step.on();
        if (on.isAfter(records.today())) {
            throw new InvalidInputException("on", "date.future");
        }
        if (on.isBefore(lastStepOn(fine))) {
            throw new InvalidInputException("on", "trajectories.fine.beforePreviousStep");
        }
        String note = switch (to) {
            case NOTICE_SENT -> sendNotice(fine, step, on);
            case VIEW_RECORDED -> recordView(fine, step, on);
            case DECIDED -> decide(fine, step, on);
            case NOT_BLAMEWORTHY, WITHDRAWN -> end(fine, step, on);
            case PROPOSED -> throw new IllegalStateException("a fine is proposed only once");
        };
        addStep(fineId, to, on, note);
        records.changed(personId);
        return find(personId, fineId);
    }

    private String sendNotice(Fine fine, Step step, LocalDate on) {
        String blame = requiredText("blameAssessment", step.blameAssessment(), "trajectories.fine.blame.required");
        update(fine, "status = 'NOTICE_SENT', blame_assessment = :blame, notice_sent_on = :on", on, blame, null);
        return blame;
    }

    private String recordView(Fine fine, Step step, LocalDate on) {
        boolean given = !Boolean.FALSE.equals(step.viewGiven());
        String view = given ? requiredText("view", step.view(), "trajectories.fine.view.required") : null;
        update(fine, "status = 'VIEW_RECORDED', person_view = :text, view_given = :given, view_recorded_on = :on", on,
                view, given);
        return view == null ? "Geen zienswijze ontvangen." : view;
    }

    private String decide(Fine fine, Step step, LocalDate on) {
        if (!CurrentUser.current().map(user -> user.hasRole(Role.TEAM_LEAD)).orElse(false)) {
            throw new AccessDeniedException("a fine is decided by a team lead");
        }
        List<FieldError> errors = new ArrayList<>();
        int maximum = law.maximumEuros(on);
        Integer amount = step.amount();
        if (amount == null) {
            errors.add(new FieldError("amount", "trajectories.fine.amount.required"));
        }
        else if (amount <= 0) {
            errors.add(new FieldError("amount", "trajectories.fine.amount.positive"));
        }
        else if (amount > maximum) {
            throw new InvalidInputException("amount", aboveMaximumKey(maximum));
        }
        String blame = strip(step.blameAssessment());
        if (blame == null) {
            errors.add(new FieldError("blameAssessment", "trajectories.fine.blame.required"));
        }
        String reduction = strip(step.reductionReason());
        if (amount != null && fine.proposedAmount() != null && amount < fine.proposedAmount() && reduction == null) {
            errors.add(new FieldError("reductionReason", "trajectories.fine.reduction.required"));
        }
        tooLong(errors, "blameAssessment", blame);
        tooLong(errors, "reductionReason", reduction);
        if (step.sanctionChoice() == FineSanctionChoice.BENEFIT_SANCTION) {
            errors.add(new FieldError("sanctionChoice", "trajectories.fine.sanction.decidedIsFine"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        records.sql("""
                update fine set status = 'DECIDED', decided_on = :on, amount = :amount, maximum_amount = :maximum,
                    blame_assessment = :blame, reduction_reason = :reduction, objection_deadline = :objection,
                    sanction_choice = case when benefit_sanction_possible then 'FINE' end, version = version + 1
                where municipality_id = :m and id = :id""")
            .param("on", on)
            .param("amount", amount)
            .param("maximum", maximum)
            .param("blame", blame)
            .param("reduction", reduction)
            .param("objection", law.objectionDeadline(on))
            .param("id", fine.id())
            .update();
        return "€ " + amount + (reduction == null ? "" : " (verlaagd: " + reduction + ")") + ". " + blame;
    }

    private String end(Fine fine, Step step, LocalDate on) {
        String reason = requiredText("reason", step.reason(), "trajectories.fine.reason.required");
        FineSanctionChoice choice = step.sanctionChoice();
        if (choice == FineSanctionChoice.FINE) {
            throw new InvalidInputException("sanctionChoice", "trajectories.fine.sanction.endedIsNoFine");
        }
        if (choice != null && !fine.benefitSanctionPossible()) {
            throw new InvalidInputException("sanctionChoice", "trajectories.fine.sanction.notFlagged");
        }
        records.sql("""
                update fine set status = :status, ended_on = :on, end_reason = :reason, sanction_choice = :choice,
                    version = version + 1
                where municipality_id = :m and id = :id""")
            .param("status", step.to() == null ? null : step.to().name())
            .param("on", on)
            .param("reason", reason)
            .param("choice", choice == null ? null : choice.name())
            .param("id", fine.id())
            .update();
        return reason;
    }

    private void update(Fine fine, String set, LocalDate on, @Nullable String text, @Nullable Boolean given) {
        records.sql("update fine set " + set + ", version = version + 1 where municipality_id = :m and id = :id")
            .param("on", on)
            .param("blame", text)
            .param("text", text)
            .param("given", given)
            .param("id", fine.id())
            .update();
    }

    private Fine insert(UUID personId, @Nullable FineGround ground, @Nullable String facts,
            @Nullable UUID appointmentId, @Nullable Integer proposedAmount, boolean benefitSanctionPossible) {
        UUID id = UUID.randomUUID();
        LocalDate today = records.today();
        records.sql("""
                insert into fine (id, municipality_id, person_id, ground, facts, appointment_id, proposed_amount,
                    benefit_sanction_possible, proposed_on)
                values (:id, :m, :p, :ground, :facts, :appointment, :amount, :flag, :today)""")
            .param("id", id)
            .param("p", personId)
            .param("ground", ground == null ? null : ground.name())
            .param("facts", facts)
            .param("appointment", appointmentId)
            .param("amount", proposedAmount)
            .param("flag", benefitSanctionPossible)
            .param("today", today)
            .update();
        addStep(id, FineStatus.PROPOSED, today, facts);
        records.changed(personId);
        return load(personId, id, false).orElseThrow();
    }

    private void addStep(UUID fineId, FineStatus status, LocalDate on, @Nullable String note) {
        records.sql("""
                insert into fine_step (id, municipality_id, fine_id, status, on_date, note, user_id)
                values (:id, :m, :fine, :status, :on, :note, :user)""")
            .param("id", UUID.randomUUID())
            .param("fine", fineId)
            .param("status", status.name())
            .param("on", on)
            .param("note", note)
            .param("user", CurrentUser.current().map(CurrentUser::id).orElse(null))
            .update();
    }

    private List<FineStep> history(UUID fineId) {
        return records.sql("""
                select s.status, s.on_date, s.note, u.display_name
                from fine_step s left join app_user u on u.id = s.user_id
                where s.municipality_id = :m and s.fine_id = :fine order by s.created_at, s.on_date""")
            .param("fine", fineId)
            .query((rs, i) -> new FineStep(FineStatus.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                    rs.getString(3), rs.getString(4)))
            .list();
    }

    private static LocalDate lastStepOn(Fine fine) {
        LocalDate last = fine.proposedOn();
        for (LocalDate d : new LocalDate[] { fine.noticeSentOn(), fine.viewRecordedOn() }) {
            if (d != null && d.isAfter(last)) {
                last = d;
            }
        }
        return last;
    }

    private Optional<Fine> load(UUID personId, UUID fineId, boolean forUpdate) {
        return records
            .sql(SELECT + " where municipality_id = :m and person_id = :p and id = :id"
                    + TrajectoryRecords.lock(forUpdate))
            .param("p", personId)
            .param("id", fineId)
            .query(Fine.class)
            .optional();
    }

    private static final String SELECT = """
            select id, person_id, ground, facts, appointment_id, proposed_amount, benefit_sanction_possible, status,
                proposed_on, blame_assessment, notice_sent_on, person_view, view_given, view_recorded_on, decided_on,
                amount, maximum_amount, reduction_reason, objection_deadline, sanction_choice, ended_on, end_reason,
                version
            from fine""";

    /**
     * The message that names the maximum: one key per legal maximum the rule set has
     * known, so the text follows the law ({@code FineMessagesTests} holds every version
     * to a message).
     */
    public static String aboveMaximumKey(int maximum) {
        return "trajectories.fine.amount.aboveMaximum." + maximum;
    }

    private static String requiredText(String field, @Nullable String value, String missingKey) {
        String text = strip(value);
        if (text == null) {
            throw new InvalidInputException(field, missingKey);
        }
        if (text.length() > TEXT_MAX) {
            throw new InvalidInputException(field, "field.tooLong");
        }
        return text;
    }

    private static void tooLong(List<FieldError> errors, String field, @Nullable String value) {
        if (value != null && value.length() > TEXT_MAX) {
            errors.add(new FieldError(field, "field.tooLong"));
        }
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
