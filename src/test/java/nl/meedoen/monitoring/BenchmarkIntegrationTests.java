package nl.meedoen.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.monitoring.internal.Benchmark;
import nl.meedoen.monitoring.internal.MonitoringSettings;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark on small hand-made municipalities of their own, each with a known number
 * of persons housed in 2025-H1: with two peers nothing is given, with three the median is
 * the mean of all three and never one peer's figure, a peer's suppressed figure does not
 * count, and a municipality that has not opted in gets 409.
 */
@MeedoenIntegrationTest
class BenchmarkIntegrationTests {

    static final MonitoringPeriod PERIOD = MonitoringPeriod.parse("2025-H1");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Benchmark benchmark;

    @Autowired
    MonitoringSettings settings;

    @Autowired
    Municipalities municipalities;

    @Autowired
    MockMvc mvc;

    int numbers;

    /** A municipality of its own with the persons housed in March 2025. */
    UUID town(String code, int housed, boolean optedIn) {
        UUID town = UUID.randomUUID();
        jdbc.sql("insert into municipality (id, code, name) values (:id, :code, :name)")
            .param("id", town)
            .param("code", code)
            .param("name", "Proef " + code)
            .update();
        UUID team = UUID.randomUUID();
        Tenancy.runAs(town, () -> {
            jdbc.sql("insert into team (id, municipality_id, name) values (:id, :m, 'Noord')")
                .param("id", team)
                .param("m", town)
                .update();
            for (int i = 0; i < housed; i++) {
                UUID person = UUID.randomUUID();
                UUID placement = UUID.randomUUID();
                numbers++;
                Map<String, Object> p = new HashMap<>();
                p.put("id", person);
                p.put("m", town);
                p.put("v", String.format("97%04d%04d", Integer.parseInt(code) % 10000, numbers));
                p.put("k", placement);
                p.put("t", team);
                p.put("d", LocalDate.of(2025, 3, 1));
                jdbc.sql(
                        """
                                insert into person (id, municipality_id, team_id, given_names, family_name, sort_name, date_of_birth,
                                    category, v_number, version, registration_date)
                                values (:id, :m, :t, 'Proef', 'Persoon', 'persoon proef', date '1990-01-01', 'PERMIT_HOLDER', :v, 0,
                                    date '2024-01-01')""")
                    .params(p)
                    .update();
                jdbc.sql("insert into housing_placement (id, municipality_id, key_handover_date) values (:k, :m, :d)")
                    .params(p)
                    .update();
                jdbc.sql("""
                        insert into housing_placement_person (municipality_id, placement_id, person_id)
                        values (:m, :k, :id)""").params(p).update();
            }
            if (optedIn) {
                settings.change(5, true, MonitoringSettings.DEFAULT_MIN_PEERS, 0);
            }
        });
        return town;
    }

    Benchmark.Line housed(UUID town) {
        return Tenancy.runAs(town, (Supplier<Benchmark.Line>) () -> benchmark.published(PERIOD).get("HOUSING_HOUSED"));
    }

    @Test
    void theBenchmarkNeverRevealsASingleMunicipalitysFigure() {
        UUID a = town("9911", 5, true);
        UUID b = town("9912", 6, true);
        UUID c = town("9913", 7, true);
        town("9914", 30, false);
        // a peer with 3 housed: its count is suppressed (below 5), so it is no peer of
        // this
        // indicator
        town("9915", 3, true);
        benchmark.publish(PERIOD);
        // a's peers are b and c (and the suppressed one): two figures, so nothing
        assertThat(housed(a).peers()).isEqualTo(2);
        assertThat(housed(a).median()).isNull();
        assertThat(housed(a).q1()).isNull();
        UUID d = town("9916", 11, true);
        benchmark.publish(PERIOD);
        // b, c and d: the mean of 6, 7 and 11 is 8.0, no peer's own figure
        // (percentile_cont
        // would have given c's 7, and with q1 and q3 all three)
        Benchmark.Line line = housed(a);
        assertThat(line.peers()).isEqualTo(3);
        assertThat(line.median()).isEqualByComparingTo("8.0");
        assertThat(List.of(6, 7, 11)).noneMatch(v -> line.median().intValue() == v);
        assertThat(line.q1()).isNull();
        assertThat(line.q3()).isNull();
        assertThat(line.peerGroup()).isEqualTo(Benchmark.SizeClass.SMALL);
        // the one not opted in has nothing published, and its 30 counts nowhere
        assertThat(housed(d).median()).isEqualByComparingTo("6.0");
        assertThat(housed(b).median()).isEqualByComparingTo("7.7");
    }

    @Test
    void aMunicipalityThatHasNotOptedInGets409() throws Exception {
        Api.Response refused = Api.as(mvc, "beleid").get("/api/v1/benchmark?period=2025-H1");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.raw().getContentAsString(StandardCharsets.UTF_8)).contains("doet niet mee aan de benchmark");
        assertThat(Pages.as(mvc, "beleid")
            .perform(MockMvcRequestBuilders.get("/monitor/benchmark?periode=2025-H1"))
            .getStatus()).isEqualTo(409);
        UUID demo = municipalities.byCode("0610").orElseThrow().id();
        MonitoringSettings.Settings before = Tenancy.runAs(demo, settings::current);
        Tenancy.runAs(demo,
                () -> settings.change(before.threshold(), true, before.benchmarkMinPeers(), before.version()));
        try {
            Api.Response answer = Api.as(mvc, "beleid").get("/api/v1/benchmark?period=2025-H1");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.raw().getContentAsString(StandardCharsets.UTF_8)).contains("\"peerGroup\":",
                    "\"code\":\"HOUSING_HOUSED\"", "\"peers\":0");
            String page = Pages.as(mvc, "beleid")
                .perform(MockMvcRequestBuilders.get("/monitor/benchmark?periode=2025-H1"))
                .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("Benchmark met vergelijkbare gemeenten 2025-H1", "Mediaan");
        }
        finally {
            Tenancy.runAs(demo, () -> settings.change(before.threshold(), before.benchmarkOptIn(),
                    before.benchmarkMinPeers(), Tenancy.runAs(demo, settings::current).version()));
        }
    }

}
