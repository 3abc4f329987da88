package nl.meedoen.trajectories;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The NT2 lesson hours a person has followed, as the module that follows language
 * progress reports them. They decide whether the learning route may step down from B1 to
 * A2 (only after the hours the municipality requires, 600 by default).
 */
public interface LessonHours {

    /**
     * Records the total NT2 lesson hours of a person of the current municipality up to
     * {@code asOf}, replacing an earlier total. Called in the caller's transaction.
     */
    default void recordTotal(UUID personId, BigDecimal totalHours, LocalDate asOf) {
        recordTotal(personId, totalHours, null, asOf);
    }

    /**
     * As {@link #recordTotal(UUID, BigDecimal, LocalDate)}, with the classroom hours
     * among the total ({@code null} when not every entry says how many were in class).
     */
    void recordTotal(UUID personId, BigDecimal totalHours, @Nullable BigDecimal classroomHours, LocalDate asOf);

    /**
     * The classroom hours among the last total, {@code null} when unknown: with the total
     * they give the classroom share the step-down asks for.
     */
    @Nullable BigDecimal classroomHours(UUID personId);

    /** The last total recorded, zero when none was. */
    BigDecimal total(UUID personId);

}
