package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.util.UUID;

import nl.meedoen.trajectories.ExamOutcome;
import nl.meedoen.trajectories.ExamPart;
import nl.meedoen.trajectories.ExamResults;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exam results another module received, recorded exactly as a caseworker's are (the same
 * checks, log entry and event).
 */
@Component
class ReportedExamResults implements ExamResults {

    private final LearningRoutes routes;

    ReportedExamResults(LearningRoutes routes) {
        this.routes = routes;
    }

    @Override
    @Transactional
    public void recordExamResult(UUID personId, ExamPart part, @Nullable String level, ExamOutcome outcome,
            LocalDate takenOn) {
        routes.recordExam(personId, part, level, outcome, takenOn);
    }

}
