package nl.meedoen.plans.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview of the municipality's plans: whose, which version, and when the next
 * review is due; only names and dates, no plan content (like the deadline calendar). One
 * statement for the plans, one for the names.
 */
@Component
public class PlanOverview {

    /** A line of the overview. */
    public record Line(UUID personId, String personName, int version, boolean adopted, LocalDate nextReviewDue,
            boolean overdue) {
    }

    private final JdbcClient jdbc;

    private final Residents residents;

    private final PlanSettings settings;

    PlanOverview(JdbcClient jdbc, Residents residents, PlanSettings settings) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.settings = settings;
    }

    /**
     * The plans, overdue reviews first and then by the date the next review is due: the
     * interval after the last review, else after the first adoption, else after the
     * start.
     */
    @Transactional(readOnly = true)
    public List<Line> lines(LocalDate today, int limit) {
        int months = settings.current().reviewIntervalMonths();
        record Row(UUID personId, int number, String status, LocalDate basis) {
        }
        List<Row> rows = jdbc.sql("""
                select p.person_id, v.number, v.status,
                    coalesce((select max(r.held_on) from plan_review r where r.municipality_id = p.municipality_id
                            and r.plan_id = p.id),
                        (select min(a.adopted_on) from plan_version a where a.municipality_id = p.municipality_id
                            and a.plan_id = p.id),
                        p.started_on) as basis
                from plan p
                join plan_version v on v.municipality_id = p.municipality_id and v.plan_id = p.id
                    and v.number = (select max(number) from plan_version x where x.municipality_id = p.municipality_id
                        and x.plan_id = p.id)
                where p.municipality_id = :m
                order by basis, p.person_id
                limit :limit""").param("m", Tenancy.require()).param("limit", limit).query(Row.class).list();
        Map<UUID, String> names = new LinkedHashMap<>();
        residents.findAll(rows.stream().map(Row::personId).toList()).forEach(r -> names.put(r.id(), r.name()));
        return rows.stream().filter(r -> names.containsKey(r.personId())).map(r -> {
            LocalDate next = r.basis().plusMonths(months);
            return new Line(r.personId(), names.get(r.personId()), r.number(), "ADOPTED".equals(r.status()), next,
                    next.isBefore(today));
        }).toList();
    }

}
