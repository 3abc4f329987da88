package nl.meedoen.trajectories;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The B1 route stepped down to level A2 after enough NT2 lesson hours; the PIP was
 * revised on {@code on}.
 */
public record RouteSteppedDown(UUID municipalityId, UUID personId, LocalDate on, BigDecimal lessonHours) {
}
