package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/** The result of one exam part was recorded. */
public record ExamResultRecorded(UUID municipalityId, UUID personId, ExamPart part, ExamOutcome outcome,
        LocalDate takenOn) {
}
