package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import nl.meedoen.trajectories.ExemptPart;
import nl.meedoen.trajectories.IntakeOutcome;
import nl.meedoen.trajectories.internal.Exemptions.Exemption;
import nl.meedoen.trajectories.internal.Guidances.ExtensionRequest;
import nl.meedoen.trajectories.internal.Intakes.Appointment;
import nl.meedoen.trajectories.internal.IntegrationDuties.Duty;
import nl.meedoen.trajectories.internal.LearningRoutes.Exam;
import nl.meedoen.trajectories.internal.LearningRoutes.RouteChange;
import nl.meedoen.trajectories.internal.Ontzorgen.Arrangement;
import nl.meedoen.trajectories.internal.ParticipationDeclarations.Pvt;
import org.jspecify.annotations.Nullable;

/**
 * What happened in a person's trajectory and what is still due, on one line of dates: the
 * past in the order it happened, then what is coming. An entry is a message key with its
 * arguments, so the page words it in the reader's language.
 */
public final class Timeline {

    /**
     * One moment: happened (past), due (future) or overdue (due date passed while still
     * open).
     */
    public record Entry(LocalDate date, String key, List<Object> arguments, State state) {
    }

    public enum State {

        DONE, DUE, OVERDUE

    }

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private Timeline() {
    }

    /**
     * The entries from everything recorded, in date order; {@code today} decides what is
     * past.
     */
    public static List<Entry> of(@Nullable Guidance guidance, List<ExtensionRequest> requests, @Nullable Duty duty,
            Pvt pvt, List<Appointment> appointments, @Nullable LocalDate intakeCompletedOn, List<Exemption> exemptions,
            List<RouteChange> changes, List<Exam> exams, @Nullable Arrangement ontzorgen, LocalDate today) {
        List<Entry> entries = new ArrayList<>();
        Set<ExemptPart> exempt = exemptions.stream().anyMatch(e -> e.part() == ExemptPart.WHOLE_DUTY)
                ? Set.of(ExemptPart.values()) : Set.copyOf(exemptions.stream().map(Exemption::part).toList());
        if (guidance != null) {
            entries.add(done("timeline.guidanceStarted", guidance.startDate()));
            for (ExtensionRequest r : requests) {
                entries.add(done("timeline.extensionRequested." + r.status(),
                        r.requestedAt().atZoneSameInstant(AMSTERDAM).toLocalDate(), r.months()));
            }
            if (guidance.status() == Guidance.Status.CLOSED && guidance.closedOn() != null) {
                entries.add(done("timeline.guidanceClosed." + guidance.handover(), guidance.closedOn()));
            }
            else {
                entries.add(due("timeline.guidanceEnds", guidance.endDate(), today, true));
            }
        }
        if (duty != null) {
            entries.add(done("timeline.duoNotice", duty.duoNoticeDate()));
            entries.add(done("timeline.brpRegistration", duty.brpRegistrationDate()));
            if (duty.thirdPartyInfoReceivedDate() != null) {
                entries.add(done("timeline.thirdPartyInfo", duty.thirdPartyInfoReceivedDate()));
            }
            if (duty.planAdoptedOn() != null) {
                entries.add(done("timeline.planAdopted." + duty.route(), duty.planAdoptedOn()));
                if (!exempt.contains(ExemptPart.LEARNING_ROUTE)) {
                    entries.add(due("timeline.routeSwitchDeadline", duty.routeSwitchDeadline(), today, false));
                }
                if (!exempt.contains(ExemptPart.WHOLE_DUTY)) {
                    entries.add(due("timeline.integrationPeriodEnds", duty.integrationPeriodEnd(), today, false));
                }
            }
            else if (duty.planDueDate() != null && !exempt.contains(ExemptPart.WHOLE_DUTY)) {
                entries.add(due("timeline.planDue", duty.planDueDate(), today, true));
            }
        }
        for (Appointment a : appointments) {
            if (a.outcome() == IntakeOutcome.SCHEDULED) {
                entries.add(due("timeline.intakeAppointment", a.scheduledOn(), today, true));
            }
            else if (a.outcome() == IntakeOutcome.NO_SHOW) {
                entries.add(done("timeline.intakeNoShow." + a.consequence(), a.scheduledOn(), a.noShowStep(),
                        a.fineEuros() == null ? 0 : a.fineEuros()));
            }
            else {
                entries.add(done("timeline.intake." + a.outcome(), a.scheduledOn()));
            }
        }
        if (intakeCompletedOn != null) {
            entries.add(done("timeline.intakeCompleted", intakeCompletedOn));
        }
        pvt.sessions().forEach(s -> entries.add(done("timeline.pvtSession", s.heldOn(), s.hours())));
        if (pvt.signedOn() != null) {
            entries.add(done("timeline.pvtSigned", pvt.signedOn()));
        }
        exemptions.forEach(e -> entries.add(done("timeline.exemption." + e.kind(), e.decidedOn(), e.part().name())));
        changes.forEach(c -> entries
            .add(done("timeline.routeChange." + c.kind(), c.changedOn(), c.fromRoute().name(), c.toRoute().name())));
        exams.forEach(x -> entries.add(done("timeline.exam." + x.result(), x.takenOn(), x.part().name())));
        if (ontzorgen != null) {
            entries.add(done("timeline.ontzorgenStarted", ontzorgen.assistanceStart()));
            entries.add(ontzorgen.endDate().isAfter(today)
                    ? due("timeline.ontzorgenEnds", ontzorgen.endDate(), today, false)
                    : done("timeline.ontzorgenEnded", ontzorgen.endDate()));
        }
        entries.sort(Comparator.comparing(Entry::date).thenComparing(e -> e.state() != State.DONE));
        return entries;
    }

    private static Entry done(String key, LocalDate date, Object... arguments) {
        return new Entry(date, key, List.of(arguments), State.DONE);
    }

    /**
     * A due date: overdue once passed while still open (only for things that must be
     * done), else past.
     */
    private static Entry due(String key, LocalDate date, LocalDate today, boolean actionNeeded) {
        if (!date.isBefore(today)) {
            return new Entry(date, key, List.of(), State.DUE);
        }
        return new Entry(date, key, List.of(), actionNeeded ? State.OVERDUE : State.DONE);
    }

}
