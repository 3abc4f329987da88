package nl.meedoen.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.monitoring.internal.Benchmark;
import nl.meedoen.monitoring.internal.MonitoringSettings;
import nl.meedoen.monitoring.internal.ReferenceFigures;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The administrator's pages of the monitor on the demo municipality: the reference table
 * edited with its version, and the threshold, the benchmark opt-in and the benchmark's
 * minimum number of peers; a stale form is refused with a message about the settings, a
 * bad value in Dutch beside its field with nothing saved, and nothing else may open them.
 */
@MeedoenIntegrationTest
class MonitorAdminPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReferenceFigures references;

    @Autowired
    MonitoringSettings settings;

    @Autowired
    Municipalities municipalities;

    @Autowired
    Benchmark benchmark;

    @Autowired
    JdbcClient jdbc;

    <T> T inDemo(java.util.function.Supplier<T> work) {
        return Tenancy.runAs(municipalities.byCode("0610").orElseThrow().id(), work);
    }

    MockHttpServletRequestBuilder withTable(MockHttpServletRequestBuilder request,
            Map<String, ReferenceFigures.Reference> table) {
        for (ReferenceFigures.Reference reference : table.values()) {
            request.param("code", reference.code())
                .param("value", reference.value().toPlainString())
                .param("source", reference.source());
        }
        return request;
    }

    static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theAdministratorEditsTheReferenceTableWithItsVersion() throws Exception {
        Pages admin = Pages.as(mvc, "beheerder");
        MockHttpServletResponse page = admin.perform(get("/beheer/referentiecijfers"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(html(page)).contains("Landelijke referentiecijfers", "COHORT_PAID_WORK_18", "asielcohort 2014");
        Map<String, ReferenceFigures.Reference> before = inDemo(references::all);
        int version = inDemo(references::version);
        MockHttpServletResponse saved = admin
            .perform(withTable(post("/beheer/referentiecijfers").with(csrf()), before).param("code", "cohort_b1_36")
                .param("value", "12,5")
                .param("source", "Proefbron")
                .param("version", Integer.toString(version)));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(inDemo(references::all).get("COHORT_B1_36").value()).isEqualByComparingTo("12.5");
        MockHttpServletResponse stale = admin.perform(withTable(post("/beheer/referentiecijfers").with(csrf()), before)
            .param("version", Integer.toString(version)));
        assertThat(stale.getStatus()).isEqualTo(200);
        assertThat(html(stale)).contains("de instellingen van de monitor gewijzigd").doesNotContain("dit dossier");
        assertThat(inDemo(references::all)).containsKey("COHORT_B1_36");
        MockHttpServletResponse bad = admin
            .perform(withTable(post("/beheer/referentiecijfers").with(csrf()), before).param("code", "X_Y")
                .param("value", "veel")
                .param("source", "Proefbron")
                .param("version", Integer.toString(version + 1)));
        assertThat(html(bad)).contains("Vul een waarde in van 0 tot 100000", "Rij " + (before.size() + 1));
        MockHttpServletResponse restored = admin
            .perform(withTable(post("/beheer/referentiecijfers").with(csrf()), before).param("version",
                    Integer.toString(version + 1)));
        assertThat(restored.getStatus()).isEqualTo(302);
        assertThat(inDemo(references::all)).doesNotContainKey("COHORT_B1_36").containsKey("COHORT_PAID_WORK_18");
    }

    @Test
    void theAdministratorSetsTheThresholdAndTheBenchmarkOptIn() throws Exception {
        Pages admin = Pages.as(mvc, "beheerder");
        MockHttpServletResponse page = admin.perform(get("/beheer/monitor"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(html(page)).contains("Drempel voor kleine aantallen", "benchmark");
        MonitoringSettings.Settings before = inDemo(settings::current);
        int version = before.version();
        MockHttpServletResponse low = admin.perform(post("/beheer/monitor").with(csrf())
            .param("threshold", "4")
            .param("benchmarkMinPeers", "3")
            .param("version", Integer.toString(version)));
        assertThat(html(low)).contains("Vul een drempel in van 5 tot en met 50.");
        MockHttpServletResponse saved = admin.perform(post("/beheer/monitor").with(csrf())
            .param("threshold", "7")
            .param("benchmarkOptIn", "true")
            .param("benchmarkMinPeers", Integer.toString(before.benchmarkMinPeers()))
            .param("version", Integer.toString(version)));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(inDemo(settings::current).threshold()).isEqualTo(7);
        assertThat(inDemo(settings::current).benchmarkOptIn()).isTrue();
        MockHttpServletResponse stale = admin.perform(post("/beheer/monitor").with(csrf())
            .param("threshold", "9")
            .param("benchmarkMinPeers", Integer.toString(before.benchmarkMinPeers()))
            .param("version", Integer.toString(version)));
        assertThat(html(stale)).contains("de instellingen van de monitor gewijzigd").doesNotContain("dit dossier");
        assertThat(inDemo(settings::current).threshold()).isEqualTo(7);
        MockHttpServletResponse restored = admin.perform(post("/beheer/monitor").with(csrf())
            .param("threshold", Integer.toString(before.threshold()))
            .param("benchmarkMinPeers", Integer.toString(before.benchmarkMinPeers()))
            .param("version", Integer.toString(version + 1)));
        assertThat(restored.getStatus()).isEqualTo(302);
        assertThat(inDemo(settings::current).threshold()).isEqualTo(before.threshold());
        assertThat(inDemo(settings::current).benchmarkOptIn()).isEqualTo(before.benchmarkOptIn());
        assertThat(Pages.as(mvc, "beleid").perform(get("/beheer/monitor")).getStatus()).isEqualTo(403);
    }

    static final MonitoringPeriod PERIOD = MonitoringPeriod.parse("2025-H1");

    /**
     * A municipality of its own in the size class, opted in to the benchmark, with
     * {@code housed} of its persons housed in March 2025.
     */
    UUID peer(String code, Benchmark.SizeClass size, int housed) {
        UUID town = UUID.randomUUID();
        jdbc.sql("insert into municipality (id, code, name) values (:id, :code, :name)")
            .param("id", town)
            .param("code", code)
            .param("name", "Proef " + code)
            .update();
        Tenancy.runAs(town, () -> {
            UUID team = UUID.randomUUID();
            jdbc.sql("insert into team (id, municipality_id, name) values (:id, :m, 'Noord')")
                .param("id", team)
                .param("m", town)
                .update();
            jdbc.sql(
                    """
                            insert into person (id, municipality_id, team_id, given_names, family_name, sort_name, date_of_birth,
                                category, v_number, version, registration_date)
                            select gen_random_uuid(), :m, :t, 'Proef', 'Persoon', 'persoon proef', date '1990-01-01',
                                'PERMIT_HOLDER', '96' || lpad(g::text, 8, '0'), 0, date '2024-01-01'
                            from generate_series(1, :n) g""")
                .param("m", town)
                .param("t", team)
                .param("n", Math.max(size.from() + 5, housed))
                .update();
            List<UUID> persons = jdbc.sql("select id from person where municipality_id = :m order by v_number limit :n")
                .param("m", town)
                .param("n", housed)
                .query(UUID.class)
                .list();
            for (UUID person : persons) {
                UUID placement = UUID.randomUUID();
                jdbc.sql("insert into housing_placement (id, municipality_id, key_handover_date) values (:k, :m, :d)")
                    .param("k", placement)
                    .param("m", town)
                    .param("d", LocalDate.of(2025, 3, 1))
                    .update();
                jdbc.sql("""
                        insert into housing_placement_person (municipality_id, placement_id, person_id)
                        values (:m, :k, :p)""").param("m", town).param("k", placement).param("p", person).update();
            }
            settings.change(MonitoringSettings.DEFAULT_THRESHOLD, true, MonitoringSettings.DEFAULT_MIN_PEERS, 0);
        });
        return town;
    }

    /** Takes the peer out again, so that no other test finds it among its peers. */
    void remove(UUID town) {
        Tenancy.runAs(town, () -> {
            for (String table : List.of("benchmark_figure", "monitoring_setting", "housing_placement_person",
                    "housing_placement", "person", "team")) {
                jdbc.sql("delete from " + table + " where municipality_id = :m").param("m", town).update();
            }
        });
        jdbc.sql("delete from municipality where id = :m").param("m", town).update();
    }

    MockHttpServletResponse save(Pages admin, MonitoringSettings.Settings settings, String minPeers) throws Exception {
        return admin.perform(post("/beheer/monitor").with(csrf())
            .param("threshold", Integer.toString(settings.threshold()))
            .param("benchmarkOptIn", Boolean.toString(settings.benchmarkOptIn()))
            .param("benchmarkMinPeers", minPeers)
            .param("version", Integer.toString(settings.version())));
    }

    @Test
    void theMinimumOfPeersSavedOnThePageIsWhatTheBenchmarkUses() throws Exception {
        Pages admin = Pages.as(mvc, "beheerder");
        MonitoringSettings.Settings before = inDemo(settings::current);
        UUID demo = municipalities.byCode("0610").orElseThrow().id();
        Benchmark.SizeClass size = inDemo(benchmark::sizeClass);
        List<UUID> peers = new ArrayList<>();
        try {
            peers.add(peer("9931", size, 6));
            peers.add(peer("9932", size, 7));
            peers.add(peer("9933", size, 8));
            MockHttpServletResponse optedIn = save(admin,
                    new MonitoringSettings.Settings(before.threshold(), true, 3, before.version()), "3");
            assertThat(optedIn.getStatus()).isEqualTo(302);
            assertThat(inDemo(settings::current).benchmarkMinPeers()).isEqualTo(3);
            benchmark.publish(PERIOD);
            Benchmark.Line given = inDemo(() -> benchmark.published(PERIOD).get("HOUSING_HOUSED"));
            // the three peers above, and any other test's opted-in municipality of the
            // class
            assertThat(given.peers()).isGreaterThanOrEqualTo(3);
            assertThat(given.median()).isNotNull();
            int more = given.peers() + 1;
            MockHttpServletResponse page = admin.perform(get("/beheer/monitor"));
            assertThat(html(page)).contains("Minimum aantal vergelijkbare gemeenten",
                    "De benchmark toont alleen cijfers als minstens zoveel andere gemeenten");
            MockHttpServletResponse raised = save(admin, inDemo(settings::current), Integer.toString(more));
            assertThat(raised.getStatus()).isEqualTo(302);
            assertThat(inDemo(settings::current).benchmarkMinPeers()).isEqualTo(more);
            assertThat(html(admin.perform(get("/beheer/monitor")))).contains("value=\"" + more + "\"");
            benchmark.publish(PERIOD);
            Benchmark.Line withheld = inDemo(() -> benchmark.published(PERIOD).get("HOUSING_HOUSED"));
            assertThat(withheld.peers()).isEqualTo(given.peers());
            assertThat(withheld.median()).isNull();
            assertThat(withheld.q1()).isNull();
            assertThat(withheld.q3()).isNull();
            // the benchmark page states the rule with the municipality's own minimum
            String benchmarkPage = html(Pages.as(mvc, "beleid").perform(get("/monitor/benchmark?periode=2025-H1")));
            assertThat(benchmarkPage).contains("Met minder dan " + more + " vergelijkbare gemeenten",
                    "de kwartielen pas vanaf " + (2 * more) + " gemeenten");
        }
        finally {
            peers.forEach(this::remove);
            Tenancy.runAs(demo, () -> {
                jdbc.sql("delete from benchmark_figure where municipality_id = :m").param("m", demo).update();
                settings.change(before.threshold(), before.benchmarkOptIn(), before.benchmarkMinPeers(),
                        settings.current().version());
            });
        }
    }

    @Test
    void aMinimumOfPeersOutOfRangeOrNotANumberIsRefusedBesideItsFieldAndNothingIsSaved() throws Exception {
        Pages admin = Pages.as(mvc, "beheerder");
        MonitoringSettings.Settings before = inDemo(settings::current);
        MonitoringSettings.Settings changed = new MonitoringSettings.Settings(before.threshold() + 1,
                !before.benchmarkOptIn(), before.benchmarkMinPeers(), before.version());
        for (String typed : List.of("2", "21", "-3", "veel", "4,5", "")) {
            MockHttpServletResponse refused = save(admin, changed, typed);
            assertThat(refused.getStatus()).as(typed).isEqualTo(200);
            String page = html(refused);
            assertThat(page).as(typed)
                .contains("id=\"benchmarkMinPeers-error\"", "aria-invalid=\"true\"", "value=\"" + typed + "\"")
                .containsAnyOf("Vul een aantal gemeenten in van 3 tot en met 20.",
                        "Vul het aantal gemeenten in als een getal van 3 tot en met 20");
            // the other fields keep what was typed too
            assertThat(page).as(typed).contains("value=\"" + changed.threshold() + "\"");
            assertThat(inDemo(settings::current)).as(typed).isEqualTo(before);
        }
        assertThat(html(save(admin, changed, "21"))).contains("Vul een aantal gemeenten in van 3 tot en met 20.");
        assertThat(html(save(admin, changed, "veel")))
            .contains("Vul het aantal gemeenten in als een getal van 3 tot en met 20, bijvoorbeeld 5.");
        MockHttpServletResponse english = admin.perform(post("/beheer/monitor").with(csrf())
            .cookie(new Cookie("meedoen-taal", "en"))
            .param("threshold", Integer.toString(before.threshold()))
            .param("benchmarkMinPeers", "25")
            .param("version", Integer.toString(before.version())));
        assertThat(html(english)).contains("Enter a number of municipalities from 3 to 20.");
        assertThat(inDemo(settings::current)).isEqualTo(before);
    }

    @Test
    void aMinimumOfPeersOnAStaleFormIsRefused() throws Exception {
        Pages admin = Pages.as(mvc, "beheerder");
        MonitoringSettings.Settings before = inDemo(settings::current);
        int other = before.benchmarkMinPeers() == 5 ? 6 : 5;
        try {
            // someone else saves the settings after this form was opened
            inDemo(() -> settings.change(before.threshold(), before.benchmarkOptIn(), other, before.version()));
            MockHttpServletResponse stale = save(admin, before, "12");
            assertThat(stale.getStatus()).isEqualTo(200);
            assertThat(html(stale)).contains("de instellingen van de monitor gewijzigd", "value=\"12\"");
            assertThat(inDemo(settings::current).benchmarkMinPeers()).isEqualTo(other);
            assertThat(inDemo(settings::current).version()).isEqualTo(before.version() + 1);
        }
        finally {
            inDemo(() -> settings.change(before.threshold(), before.benchmarkOptIn(), before.benchmarkMinPeers(),
                    settings.current().version()));
        }
    }

}
