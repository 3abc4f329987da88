package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.util.UUID;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.trajectories.Handover;
import org.jspecify.annotations.Nullable;

/**
 * A person's social guidance as stored, with the rules of its transitions named after the
 * policy. Only an active guidance can be extended or closed.
 */
public record Guidance(UUID id, UUID personId, LocalDate startDate, LocalDate endDate, Status status,
        @Nullable LocalDate closedOn, @Nullable Handover handover, @Nullable String handoverReason) {

    public enum Status {

        ACTIVE, CLOSED

    }

    /**
     * Guidance starts on or after the person's arrival in the municipality (when that
     * date is known).
     */
    public static void startsNotBeforeArrival(LocalDate start, @Nullable LocalDate arrival) {
        if (arrival != null && start.isBefore(arrival)) {
            throw new InvalidInputException("startDate", "trajectories.guidance.startBeforeArrival");
        }
    }

    /**
     * An extension asks for 1 up to the municipality's extension months, with a reason.
     */
    public static void extensionRequestIsComplete(int months, @Nullable String reason, TrajectorySettings.Rules rules) {
        if (!rules.extensionLengthAllowed(months)) {
            throw new InvalidInputException("months", "trajectories.extension.months");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "trajectories.extension.reasonRequired");
        }
    }

    /** Guidance is extended at most once: a second approval is refused. */
    public static void extensionAllowedOnlyOnce(boolean alreadyExtended) {
        if (alreadyExtended) {
            throw new ConflictException("trajectories.extension.onlyOnce");
        }
    }

    void mustBeActive() {
        if (status != Status.ACTIVE) {
            throw new ConflictException("trajectories.guidance.closed");
        }
    }

    /** Approval moves the end date by the months granted. */
    Guidance extendedBy(int months) {
        mustBeActive();
        return new Guidance(id, personId, startDate, extendedEnd(startDate, endDate, months), status, closedOn,
                handover, handoverReason);
    }

    /**
     * The end date moved by {@code months}, keeping the start's day of the month where
     * the month has it: guidance from 31 August ends on 28 February and, extended by 3
     * months, on 31 May (not 28 May).
     */
    public static LocalDate extendedEnd(LocalDate start, LocalDate end, int months) {
        LocalDate moved = end.plusMonths(months);
        if (start.getDayOfMonth() > end.getDayOfMonth()) {
            return moved.withDayOfMonth(Math.min(start.getDayOfMonth(), moved.lengthOfMonth()));
        }
        return moved;
    }

    /**
     * Closing requires a handover decision; "no follow-up needed" also requires its
     * reason. The closing date lies on or after the start.
     */
    Guidance closedWith(LocalDate on, @Nullable Handover decision, @Nullable String reason) {
        mustBeActive();
        if (decision == null) {
            throw new InvalidInputException("handover", "trajectories.guidance.handoverRequired");
        }
        if (decision == Handover.NO_FOLLOW_UP && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "trajectories.guidance.handoverReasonRequired");
        }
        if (on.isBefore(startDate)) {
            throw new InvalidInputException("closedOn", "trajectories.guidance.closedBeforeStart");
        }
        return new Guidance(id, personId, startDate, endDate, Status.CLOSED, on, decision,
                reason == null || reason.isBlank() ? null : reason.strip());
    }
}
