package nl.meedoen.signals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Api;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the facts a rule reads, as the owning modules store them, for new persons of
 * Sliedrecht, and evaluates those persons: the shared setup of the signals tests.
 */
final class SignalFixtures {

    final UUID sliedrecht;

    private final JdbcClient jdbc;

    private final MockMvc mvc;

    private final Signals signals;

    SignalFixtures(Municipalities municipalities, JdbcClient jdbc, MockMvc mvc, Signals signals) {
        this.sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        this.jdbc = jdbc;
        this.mvc = mvc;
        this.signals = signals;
    }

    /** A new person of begeleider's team, registered through the API. */
    UUID person() {
        Api.Response created = Api.as(mvc, "begeleider").post("/api/v1/persons", Api.person("Signaal", "Proef"));
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asString());
    }

    /**
     * Runs a statement as Sliedrecht, with {@code :m} its id and the parameters given in
     * pairs.
     */
    void sql(String sql, Object... params) {
        Map<String, Object> named = new HashMap<>();
        named.put("m", sliedrecht);
        for (int i = 0; i < params.length; i += 2) {
            named.put((String) params[i], params[i + 1]);
        }
        Tenancy.runAs(sliedrecht, () -> jdbc.sql(sql).params(named).update());
    }

    <T> T one(String sql, Class<T> type, Object... params) {
        Map<String, Object> named = new HashMap<>();
        named.put("m", sliedrecht);
        for (int i = 0; i < params.length; i += 2) {
            named.put((String) params[i], params[i + 1]);
        }
        return Tenancy.runAs(sliedrecht, () -> jdbc.sql(sql).params(named).query(type).single());
    }

    void evaluate(UUID... persons) {
        Arrays.stream(persons).forEach(p -> Tenancy.runAs(sliedrecht, () -> signals.reevaluate(p)));
    }

    /** The person's signals of a rule, as status names (resolved ones included). */
    List<String> statuses(UUID person, SignalCode rule) {
        return Tenancy.runAs(sliedrecht,
                () -> jdbc.sql("select status from signal where person_id = :p and rule = :r order by created_at")
                    .param("p", person)
                    .param("r", rule.name())
                    .query(String.class)
                    .list());
    }

    boolean open(UUID person, SignalCode rule) {
        return statuses(person, rule).stream().anyMatch(s -> s.equals("OPEN") || s.equals("ACKNOWLEDGED"));
    }

    UUID caseworker(String username) {
        return one("select id from app_user where username = :u", UUID.class, "u", username);
    }

    void assign(UUID person, UUID caseworker, LocalDate on) {
        sql("insert into trajectory_caseworker (municipality_id, person_id, user_id, assigned_on) values (:m, :p, :u, :d)",
                "p", person, "u", caseworker, "d", on);
    }

    void duty(UUID person, LocalDate notice, @org.jspecify.annotations.Nullable LocalDate planDue) {
        sql("""
                insert into integration_duty (municipality_id, person_id, regime, duo_notice_date, brp_registration_date,
                    plan_due_date)
                values (:m, :p, 'WI2021', :n, :n, :due)""",
                "p", person, "n", notice, "due", planDue);
    }

    UUID plan(UUID person, LocalDate startedOn, @org.jspecify.annotations.Nullable String route) {
        UUID id = UUID.randomUUID();
        sql("""
                insert into plan (id, municipality_id, person_id, started_on, started_by, learning_route)
                values (:id, :m, :p, :s, 'test', :r)""", "id", id, "p", person, "s", startedOn, "r", route);
        return id;
    }

}
