package nl.meedoen.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A form whose value cannot be read comes back with the typed text and a Dutch message on
 * that field, with the other fields validated too, one message per problem, in the
 * fields' order; a form sent without a field its handler needs answers a page of its own.
 */
@MeedoenIntegrationTest
class FormsKeepValuesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anImpossibleDateAndAFiveDigitYearComeBackAsTypedWithAMessage() throws Exception {
        MockHttpServletResponse answer = Pages.as(mvc, "begeleider")
            .perform(post("/personen").with(csrf())
                .param("givenName", "")
                .param("familyName", "Datumtest")
                .param("dateOfBirth", "2025-02-31")
                .param("arrivalDate", "20250-01-01")
                .param("category", "PERMIT_HOLDER"));
        String page = answer.getContentAsString(StandardCharsets.UTF_8);

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(input(page, "dateOfBirth")).contains("value=\"2025-02-31\"", "aria-invalid=\"true\"");
        assertThat(input(page, "arrivalDate")).contains("value=\"20250-01-01\"", "type=\"text\"");
        assertThat(page).contains("id=\"dateOfBirth-error\"", "id=\"arrivalDate-error\"", "id=\"givenName-error\"");
        String summary = page.substring(page.indexOf("id=\"error-summary\""));
        summary = summary.substring(0, summary.indexOf("</ul>"));
        assertThat(summary).containsSubsequence("Vul de voornaam", "Vul een geldige datum in.",
                "Vul een BSN of een V-nummer in", "Vul een geldige datum in.");
        assertThat(count(summary, "<li")).as(summary).isEqualTo(4);
    }

    @Test
    void theErrorSummaryIsTheSameOnEverySubmit() throws Exception {
        Pages pages = Pages.as(mvc, "begeleider");
        String first = summary(pages);
        for (int i = 0; i < 5; i++) {
            assertThat(summary(pages)).isEqualTo(first);
        }
    }

    @Test
    void anEditWithAnUnreadableDateKeepsTheStoredValueAndTheTypedText() throws Exception {
        var created = Api.as(mvc, "begeleider").post("/api/v1/persons", Api.person("Rana", "Bewaard")).body();
        String id = created.get("id").asString();

        String page = Pages.as(mvc, "begeleider")
            .perform(post("/personen/" + id).with(csrf())
                .param("expectedVersion", "0")
                .param("givenName", "Rana")
                .param("familyName", "Bewaard")
                .param("dateOfBirth", "1990-13-01")
                .param("category", created.get("category").asString())
                .param("bsn", created.get("bsn").asString()))
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(input(page, "dateOfBirth")).contains("value=\"1990-13-01\"");
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/persons/" + id).body().get("dateOfBirth").asString())
            .isEqualTo(created.get("dateOfBirth").asString());
    }

    @Test
    void aFormSentWithoutAFieldItsHandlerNeedsAnswersAPageOfItsOwn() throws Exception {
        var created = Api.as(mvc, "begeleider").post("/api/v1/persons", Api.person("Sami", "Onvolledig")).body();
        String id = created.get("id").asString();

        MockHttpServletResponse answer = Pages.as(mvc, "begeleider")
            .perform(post("/personen/" + id).with(csrf())
                .header("Accept", "application/json")
                .param("givenName", "Sami"));

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentType()).startsWith("text/html");
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
            .contains("Het formulier is niet volledig verstuurd", "href=\"/personen/" + id + "\"");
    }

    private static String summary(Pages pages) throws Exception {
        String page = pages
            .perform(post("/personen").with(csrf())
                .param("dateOfBirth", "2999-01-01")
                .param("email", "geen-adres")
                .param("postcode", "12")
                .param("phone", "x"))
            .getContentAsString(StandardCharsets.UTF_8);
        String summary = page.substring(page.indexOf("id=\"error-summary\""));
        return summary.substring(0, summary.indexOf("</ul>"));
    }

    private static String input(String page, String field) {
        Matcher input = Pattern.compile("<input[^>]*name=\"" + field + "\"[^>]*>").matcher(page);
        assertThat(input.find()).as("an input " + field).isTrue();
        return input.group();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

}
