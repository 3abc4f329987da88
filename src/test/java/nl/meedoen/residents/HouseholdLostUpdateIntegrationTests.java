package nl.meedoen.residents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Adding and removing household members names the household's version, on the API and on
 * the file's page, so two caseworkers never compose a household over each other.
 */
@MeedoenIntegrationTest
class HouseholdLostUpdateIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void addingOrRemovingAMemberNeedsTheHouseholdsCurrentVersion() {
        String head = person("Hoofd");
        String child = person("Kind");
        Response created = caseworker().post("/api/v1/households",
                Map.of("members", List.of(Map.of("personId", head, "role", "HEAD"))));
        String household = "/api/v1/households/" + created.body().get("id").asString();
        String etag = caseworker().get(household).header("ETag");
        Map<String, Object> member = Map.of("personId", child, "role", "CHILD");

        assertThat(send("POST", household + "/members", member, null).status()).isEqualTo(428);
        assertThat(send("POST", household + "/members", member, "\"99\"").status()).isEqualTo(412);
        Response added = send("POST", household + "/members", member, etag);
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get("members")).hasSize(2);

        assertThat(send("DELETE", household + "/members/" + child, null, etag).status()).isEqualTo(412);
        assertThat(send("DELETE", household + "/members/" + child, null, null).status()).isEqualTo(428);
        assertThat(send("DELETE", household + "/members/" + child, null, added.header("ETag")).status()).isEqualTo(200);
    }

    @Test
    void aStaleHouseholdFormOnTheFileIsRefusedWithTheDutchMessage() throws Exception {
        String head = person("Paginahoofd");
        String child = person("Paginakind");
        Response created = caseworker().post("/api/v1/households",
                Map.of("members", List.of(Map.of("personId", head, "role", "HEAD"))));
        String id = created.body().get("id").asString();
        send("POST", "/api/v1/households/" + id + "/members", Map.of("personId", child, "role", "CHILD"),
                caseworker().get("/api/v1/households/" + id).header("ETag"));

        MockHttpServletResponse stale = Pages.as(mvc, "begeleider")
            .perform(post("/huishoudens/" + id + "/leden/" + child + "/verwijderen").with(csrf())
                .param("terug", head)
                .param("version", "0"));

        assertThat(stale.getRedirectedUrl()).contains("fout=form.stale");
        assertThat(caseworker().get("/api/v1/households/" + id).body().get("members")).hasSize(2);
        String file = Pages.as(mvc, "begeleider")
            .perform(MockMvcRequestBuilders.get(stale.getRedirectedUrl()))
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(file).contains("Paginakind");
    }

    private Response send(String method, String path, Object body, String ifMatch) {
        var request = MockMvcRequestBuilders.request(method, java.net.URI.create(path))
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .content(body == null ? "" : Api.JSON.writeValueAsString(body));
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return caseworker().perform(request);
    }

    private Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    private String person(String given) {
        return caseworker().post("/api/v1/persons", Api.person(given, "Huishoudversie")).body().get("id").asString();
    }

}
