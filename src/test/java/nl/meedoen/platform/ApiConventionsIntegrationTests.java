package nl.meedoen.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** What holds for every operation of the API, whichever module answers it. */
@MeedoenIntegrationTest
class ApiConventionsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void everyOperationIsDescribedInTheReference() {
        JsonNode document = Api.as(mvc, "begeleider").get("/api/openapi").body();
        List<String> undescribed = new ArrayList<>();
        int operations = 0;

        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations++;
                JsonNode summary = operation.getValue().get("summary");
                JsonNode tags = operation.getValue().get("tags");
                if (summary == null || summary.asString().isBlank() || tags == null || tags.isEmpty()) {
                    undescribed.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }

        assertThat(document.get("info").get("description").asString()).contains("If-Match");
        assertThat(operations).isGreaterThan(50);
        assertThat(undescribed).as("operations without a summary or a tag").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"abc\"", "*", "\"-4\"", "W/\"x\"" })
    void anIfMatchThatNamesNoVersionIsRefusedAsStaleAndChangesNothing(String ifMatch) {
        Api caseworker = Api.as(mvc, "begeleider");
        Response created = caseworker.post("/api/v1/persons", Api.person("Rami", "Haddad-Etag"));
        String id = created.body().get("id").asString();
        Response read = caseworker.get("/api/v1/persons/" + id);

        Response refused = caseworker.put("/api/v1/persons/" + id, read.body().toString(), ifMatch);
        Response stale = caseworker.put("/api/v1/persons/" + id, read.body().toString(), "\"99\"");

        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.body().get("detail")).isEqualTo(stale.body().get("detail"));
        assertThat(refused.body().get("title")).isEqualTo(stale.body().get("title"));
        assertThat(caseworker.get("/api/v1/persons/" + id).header("ETag")).isEqualTo(read.header("ETag"));
    }

    @Test
    void anUnknownChoiceIsAFieldErrorThatNamesTheChoicesInTheCallersLanguage() {
        Api caseworker = Api.as(mvc, "begeleider");
        String person = caseworker.post("/api/v1/persons", Api.person("Nour", "Keuze-Onbekend"))
            .body()
            .get("id")
            .asString();
        String guidance = "/api/v1/persons/" + person + "/guidance";
        assertThat(caseworker.post(guidance, Map.of("startDate", "2024-01-10")).status()).isEqualTo(201);

        Response refused = caseworker.post(guidance + "/closing",
                Map.of("closedOn", "2024-02-01", "handover", "SOMEWHERE_ELSE"));

        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("handover");
        assertThat(error.get("message").asString()).contains("lokale integratiebeleid");
    }

}
