package nl.meedoen.trajectories.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.Colleagues;
import nl.meedoen.identity.Colleagues.Colleague;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.FileHolders;
import nl.meedoen.residents.PersonListFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The trajectory's facts for the person list: the caseworker of record as the file's
 * holder ({@code trajectory_caseworker}), and the filter by phase as a condition on this
 * module's tables, so residents pages the filtered list in one statement. The phases of
 * one person may overlap (guidance runs while the PIP is due); each choice is one
 * condition.
 */
@Component
class TrajectoryPersonList implements PersonListFilter, FileHolders {

    private static final Map<String, String> PHASES = Map.of("GUIDANCE", """
            exists (select 1 from guidance g where g.municipality_id = :m and g.person_id = p.id
                and g.status = 'ACTIVE')""", "PLAN_DUE", """
            exists (select 1 from integration_duty d where d.municipality_id = :m and d.person_id = p.id
                and d.plan_adopted_on is null)""", "ROUTE", """
            exists (select 1 from integration_duty d where d.municipality_id = :m and d.person_id = p.id
                and d.plan_adopted_on is not null and (d.integration_period_end is null
                    or d.integration_period_end >= :today))""", "NONE", """
            not exists (select 1 from guidance g where g.municipality_id = :m and g.person_id = p.id
                and g.status = 'ACTIVE')
            and not exists (select 1 from integration_duty d where d.municipality_id = :m and d.person_id = p.id)""");

    private static final List<String> CHOICES = List.of("GUIDANCE", "PLAN_DUE", "ROUTE", "NONE");

    private final JdbcClient jdbc;

    private final Colleagues colleagues;

    TrajectoryPersonList(JdbcClient jdbc, Colleagues colleagues) {
        this.jdbc = jdbc;
        this.colleagues = colleagues;
    }

    @Override
    public String parameter() {
        return "fase";
    }

    @Override
    public String labelKey() {
        return "persons.filter.phase";
    }

    @Override
    public List<String> choices() {
        return CHOICES;
    }

    @Override
    public String choiceKey(String choice) {
        return "persons.filter.phase." + choice;
    }

    @Override
    public String condition(String choice) {
        String condition = PHASES.get(choice);
        if (condition == null) {
            throw new IllegalArgumentException(choice);
        }
        return condition;
    }

    @Override
    public String heldBy() {
        return """
                exists (select 1 from trajectory_caseworker c where c.municipality_id = :m and c.person_id = p.id
                    and c.user_id = :holder)""";
    }

    @Override
    public Map<UUID, String> holders(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> users = new HashMap<>();
        jdbc.sql("select person_id, user_id from trajectory_caseworker where municipality_id = :m"
                + " and person_id in (:ids)")
            .param("m", Tenancy.require())
            .param("ids", personIds)
            .query((rs, n) -> users.put(rs.getObject("person_id", UUID.class), rs.getObject("user_id", UUID.class)))
            .list();
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, String> byUser = new HashMap<>();
        users.forEach((person, user) -> names.put(person,
                byUser.computeIfAbsent(user, u -> colleagues.find(u).map(Colleague::displayName).orElse(""))));
        return names;
    }

}
