package nl.meedoen.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.monitoring.internal.MonitoringSettings;
import nl.meedoen.monitoring.internal.ReferenceFigures;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The administrator's pages of the monitor on the demo municipality: the reference table
 * edited with its version, and the threshold and benchmark opt-in; a stale form is
 * refused with a message about the settings, a bad value in Dutch, and nothing else may
 * open them.
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
            .param("version", Integer.toString(version)));
        assertThat(html(low)).contains("Vul een drempel in van 5 tot en met 50.");
        MockHttpServletResponse saved = admin.perform(post("/beheer/monitor").with(csrf())
            .param("threshold", "7")
            .param("benchmarkOptIn", "true")
            .param("version", Integer.toString(version)));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(inDemo(settings::current).threshold()).isEqualTo(7);
        assertThat(inDemo(settings::current).benchmarkOptIn()).isTrue();
        MockHttpServletResponse stale = admin.perform(post("/beheer/monitor").with(csrf())
            .param("threshold", "9")
            .param("version", Integer.toString(version)));
        assertThat(html(stale)).contains("de instellingen van de monitor gewijzigd").doesNotContain("dit dossier");
        assertThat(inDemo(settings::current).threshold()).isEqualTo(7);
        MockHttpServletResponse restored = admin.perform(post("/beheer/monitor").with(csrf())
            .param("threshold", Integer.toString(before.threshold()))
            .param("version", Integer.toString(version + 1)));
        assertThat(restored.getStatus()).isEqualTo(302);
        assertThat(inDemo(settings::current).threshold()).isEqualTo(before.threshold());
        assertThat(inDemo(settings::current).benchmarkOptIn()).isEqualTo(before.benchmarkOptIn());
        assertThat(Pages.as(mvc, "beleid").perform(get("/beheer/monitor")).getStatus()).isEqualTo(403);
    }

}
