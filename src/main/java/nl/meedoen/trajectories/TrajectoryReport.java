package nl.meedoen.trajectories;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * What a municipality reports on its civic-integration trajectories for a period, one
 * line per person with an integration duty that ran in it: the duty's dates, the broad
 * intake, the PIP, the learning route and integration period, the exam parts, DUO's
 * exemptions, the PVT, the MAP and the lesson hours of the 600-hour rule. Set-based and
 * streamed: the lines are handed over one by one as the database delivers them, never
 * held together. Only the persons the caller may open are included (row-level security
 * and need-to-know).
 */
public interface TrajectoryReport {

    /** The best result of one exam part up to the period's end. */
    record Exam(ExamOutcome outcome, @Nullable String level, LocalDate takenOn) {
    }

    /** An exemption DUO decided, per part of the duty. */
    record Exemption(ExemptionKind kind, LocalDate decidedOn) {
    }

    /** Whether a part is done: {@code null} where it does not apply. */
    enum Done {

        YES, NO, EXEMPT

    }

    /** One person's line. */
    record Line(UUID personId, @Nullable String bsn, @Nullable String vNumber, String familyName, String givenNames,
            LocalDate dateOfBirth, IntegrationRegime regime, LocalDate dutyStart, LocalDate brpRegistration,
            @Nullable LocalDate broadIntakeCompletedOn, @Nullable LocalDate planDueDate,
            @Nullable LocalDate planAdoptedOn, @Nullable LocalDate planRevisedOn, @Nullable LearningRoute route,
            @Nullable String routeLevel, @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd,
            @Nullable LocalDate routeSwitchDeadline, @Nullable LocalDate onderwijsCompletedOn,
            Map<ExamPart, Exam> exams, Map<ExemptPart, Exemption> exemptions, PvtStatus pvt,
            @Nullable LocalDate pvtSignedOn, BigDecimal mapPracticalHours, int mapThemesDone,
            @Nullable LocalDate mapInterviewOn, @Nullable Done mapDone, @Nullable BigDecimal lessonHours,
            @Nullable BigDecimal classroomHours, @Nullable LocalDate lessonHoursAsOf, boolean stepDownHoursReached,
            BigDecimal zCourseHours, BigDecimal zParticipationHours) {

        @Override
        public String toString() {
            return "Line[" + personId + "]";
        }
    }

    /**
     * Hands every line of the period {@code from} to {@code to} (both included), ordered
     * by name, to {@code each}; answers how many there were. A person is in the period
     * when DUO's notice is on or before {@code to} and the integration period has not
     * ended before {@code from}.
     */
    long forPeriod(LocalDate from, LocalDate to, Consumer<Line> each);

}
