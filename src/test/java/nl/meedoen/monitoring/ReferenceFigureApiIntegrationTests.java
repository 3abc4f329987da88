package nl.meedoen.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's reference table: the demo's CBS figures with their sources, a
 * replacement with the version read (428 without, 412 stale), bad input refused with
 * nothing written, and no one else allowed.
 */
@MeedoenIntegrationTest
class ReferenceFigureApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theAdministratorKeepsTheTableWithItsSources() {
        Api admin = Api.as(mvc, "beheerder");
        Api.Response read = admin.get("/api/v1/reference-figures");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().toString()).contains("COHORT_PAID_WORK_36", "asielcohort 2020");
        String etag = read.header("ETag");
        List<Map<String, Object>> items = List.of(
                Map.of("code", "COHORT_PAID_WORK_36", "value", 31, "source", "CBS: asielcohort 2020"),
                Map.of("code", "PAID_WORK_SHARE", "value", 30.5, "source", "CBS: asielcohort 2020, ter vergelijking"));

        assertThat(admin.put("/api/v1/reference-figures", Map.of("items", items), null).status()).isEqualTo(428);
        Api.Response bad = admin.put("/api/v1/reference-figures",
                Map.of("items", List.of(Map.of("code", "x", "value", 1, "source", "CBS"))), etag);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/reference-figures").body().get("items")).hasSizeGreaterThan(2);

        Api.Response saved = admin.put("/api/v1/reference-figures", Map.of("items", items), etag);
        assertThat(saved.status()).isEqualTo(200);
        JsonNode figures = saved.body().get("items");
        assertThat(figures).hasSize(2);
        assertThat(admin.put("/api/v1/reference-figures", Map.of("items", items), etag).status()).isEqualTo(412);
        assertThat(Api.as(mvc, "beleid").get("/api/v1/reference-figures").status()).isEqualTo(403);

        // The demo's table is shared by the other tests of the monitor: put it back as
        // read.
        List<Map<String, Object>> original = new ArrayList<>();
        for (JsonNode item : read.body().get("items")) {
            original.add(Map.of("code", item.get("code").asString(), "value", item.get("value").decimalValue(),
                    "source", item.get("source").asString()));
        }
        assertThat(admin
            .put("/api/v1/reference-figures", Map.of("items", original),
                    admin.get("/api/v1/reference-figures").header("ETag"))
            .status()).isEqualTo(200);
    }

}
