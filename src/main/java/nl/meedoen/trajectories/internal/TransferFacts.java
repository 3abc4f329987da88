package nl.meedoen.trajectories.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import nl.meedoen.residents.Residents.Identity;
import nl.meedoen.trajectories.ExamOutcome;
import nl.meedoen.trajectories.ExamPart;
import nl.meedoen.trajectories.IntegrationRegime;
import nl.meedoen.trajectories.LearningRoute;
import org.jspecify.annotations.Nullable;

/**
 * What a warm handover hands to the new municipality: who the person is and the facts of
 * the trajectory (route, integration period, PIP, exams, hours) as they stood on
 * {@code asOf} in {@code fromMunicipality}. Nothing else of the file crosses.
 */
public record TransferFacts(Identity person, String fromMunicipality, LocalDate asOf,
        @Nullable IntegrationRegime regime, @Nullable LearningRoute route, @Nullable String level,
        @Nullable LocalDate planAdoptedOn, @Nullable LocalDate integrationPeriodStart,
        @Nullable LocalDate integrationPeriodEnd, @Nullable LocalDate routeSwitchDeadline,
        @Nullable BigDecimal lessonHours, @Nullable BigDecimal zCourseHours, @Nullable BigDecimal zParticipationHours,
        @Nullable BigDecimal mapPracticalHours, List<ExamFact> exams) {

    /** One exam part taken. */
    public record ExamFact(ExamPart part, @Nullable String level, ExamOutcome result, LocalDate takenOn) {
    }

}
