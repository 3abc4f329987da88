package nl.meedoen.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestBsns;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The population register lookup is off unless an installation sets it up: the API and
 * the page say so plainly, after the BSN has been checked.
 */
@MeedoenIntegrationTest
class BrpLookupOffIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theApiSaysTheLookupIsNotSetUp() {
        Response answer = Api.as(mvc, "begeleider").post("/api/v1/persons/brp-lookup", Map.of("bsn", TestBsns.next()));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("detail").asString())
            .startsWith("De koppeling met de BRP is in deze installatie niet ingesteld.");
        assertThat(answer.body().get("reason").asString()).isEqualTo("NOT_SET_UP");
        assertThat(Api.as(mvc, "begeleider").post("/api/v1/persons/brp-lookup", Map.of("bsn", "111111111")).status())
            .isEqualTo(400);
    }

    @Test
    void theFilesButtonLeadsToAPageThatSaysSo() throws Exception {
        Response created = Api.as(mvc, "begeleider").post("/api/v1/persons", Api.person("Hiba", "Yousef"));
        String id = created.body().get("id").asString();
        Pages pages = Pages.as(mvc, "begeleider");

        Document file = Jsoup.parse(pages.perform(get("/personen/" + id)).getContentAsString(StandardCharsets.UTF_8));
        MockHttpServletResponse page = pages.perform(post("/personen/" + id + "/brp").with(csrf()));

        assertThat(file.select("form.brp-lookup").attr("method")).isEqualTo("post");
        assertThat(file.select("form.brp-lookup button").text()).isEqualTo("Opzoeken in de BRP");
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8)).select("#brp-error").text())
            .startsWith("De koppeling met de BRP is in deze installatie niet ingesteld.");
    }

}
