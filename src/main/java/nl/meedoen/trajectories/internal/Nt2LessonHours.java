package nl.meedoen.trajectories.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;
import nl.meedoen.trajectories.LessonHours;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NT2 lesson hours per person of the current municipality, one running total each.
 */
@Service
class Nt2LessonHours implements LessonHours {

    private static final BigDecimal MAXIMUM = BigDecimal.valueOf(10_000);

    private final JdbcClient jdbc;

    private final Residents residents;

    Nt2LessonHours(JdbcClient jdbc, Residents residents) {
        this.jdbc = jdbc;
        this.residents = residents;
    }

    @Override
    @Transactional
    public void recordTotal(UUID personId, BigDecimal totalHours, @Nullable BigDecimal classroomHours, LocalDate asOf) {
        residents.find(personId).orElseThrow(NotFoundException::new);
        if (totalHours.signum() < 0 || totalHours.compareTo(MAXIMUM) > 0) {
            throw new InvalidInputException("hours", "trajectories.lessonHours.range");
        }
        if (classroomHours != null && (classroomHours.signum() < 0 || classroomHours.compareTo(totalHours) > 0)) {
            throw new InvalidInputException("classroomHours", "trajectories.lessonHours.range");
        }
        jdbc.sql("""
                insert into nt2_lesson_hours (municipality_id, person_id, total_hours, classroom_hours, as_of)
                values (:m, :p, :hours, :classroom, :asOf)
                on conflict (municipality_id, person_id)
                do update set total_hours = excluded.total_hours, classroom_hours = excluded.classroom_hours,
                    as_of = excluded.as_of, updated_at = now()""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("hours", totalHours)
            .param("classroom", classroomHours)
            .param("asOf", asOf)
            .update();
    }

    @Override
    @Transactional(readOnly = true)
    public @Nullable BigDecimal classroomHours(UUID personId) {
        return jdbc.sql("select classroom_hours from nt2_lesson_hours where municipality_id = :m and person_id = :p")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query((rs, n) -> rs.getBigDecimal(1))
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    }

    @Override
    @Transactional(readOnly = true)
    public BigDecimal total(UUID personId) {
        return jdbc.sql("select total_hours from nt2_lesson_hours where municipality_id = :m and person_id = :p")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(BigDecimal.class)
            .optional()
            .orElse(BigDecimal.ZERO);
    }

}
