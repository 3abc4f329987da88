package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Exam results that other modules take in (a partner organisation's report), recorded in
 * the trajectory with the same rules as a caseworker's: KNM has no level, a level is A1
 * to B2, a part DUO exempted is not examined, the day is not in the future.
 */
public interface ExamResults {

    /**
     * Records the result of one exam part of a person of the current municipality, in the
     * caller's transaction; logged as a change of the trajectory.
     */
    void recordExamResult(UUID personId, ExamPart part, @Nullable String level, ExamOutcome outcome, LocalDate takenOn);

}
