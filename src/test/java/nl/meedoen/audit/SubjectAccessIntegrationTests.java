package nl.meedoen.audit;

import java.io.IOException;
import java.util.UUID;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The right of access: the privacy officer exports everything Meedoen holds on a person,
 * with who processed the file, as data and as a letter in Dutch; the export is logged.
 */
@MeedoenIntegrationTest
class SubjectAccessIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    Api privacyOfficer() {
        return Api.as(mvc, "privacy");
    }

    String person(String given, String family) {
        return caseworker().post("/api/v1/persons", Api.person(given, family)).body().get("id").asString();
    }

    @Test
    void theExportHoldsTheFileAndWhoProcessedIt() {
        String id = person("Rania", "Inzagevraag");
        caseworker().get("/api/v1/persons/" + id);

        Api.Response answer = privacyOfficer().get("/api/v1/persons/" + id + "/subject-access-export?format=json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment");
        JsonNode export = answer.body();
        assertThat(export.get("name").asString()).contains("Inzagevraag");
        JsonNode file = section(export, "residents.person");
        assertThat(file.get("records").get(0).get("family_name").asString()).isEqualTo("Inzagevraag");
        assertThat(file.get("records").get(0).has("municipality_id")).isFalse();
        assertThat(export.get("sections").findValuesAsString("key")).contains("residents.household",
                "trajectories.guidance", "plans.version", "referrals.referral", "network.contact");
        assertThat(export.get("accesses").findValuesAsString("action")).containsExactly("READ", "CREATE");
        assertThat(export.get("accesses").get(0).get("actor").asString()).isEqualTo("begeleider");
    }

    @Test
    void thePdfIsALetterInDutchWithTheFileAndItsAccesses() throws IOException {
        String id = person("Yara", "Briefinzage");
        caseworker().get("/api/v1/persons/" + id);

        Api.Response answer = privacyOfficer()
            .perform(MockMvcRequestBuilders.get("/api/v1/persons/" + id + "/subject-access-export?format=pdf")
                .accept(MediaType.APPLICATION_PDF));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        String text = text(answer.raw().getContentAsByteArray());
        assertThat(text).contains("Uw gegevens bij de gemeente", "artikel 15", "Dossier", "Achternaam: Briefinzage",
                "Geboortedatum: 1988-04-12", "Wie heeft uw gegevens bekeken of veranderd?", "begeleider (Consulent)",
                "Ingezien", "Geregistreerd");
    }

    @Test
    void theExportIsItselfLogged() {
        String id = person("Lina", "Gelogdeinzage");

        privacyOfficer().get("/api/v1/persons/" + id + "/subject-access-export");

        JsonNode log = privacyOfficer().get("/api/v1/audit/persons/" + id).body();
        assertThat(log.get("items").findValuesAsString("action")).containsExactly("SUBJECT_ACCESS_EXPORT", "CREATE");
    }

    @Test
    void onlyThePrivacyOfficerExportsAndOnlyKnownFormats() {
        String id = person("Nour", "Afgeschermdeinzage");

        assertThat(caseworker().get("/api/v1/persons/" + id + "/subject-access-export").status()).isEqualTo(403);
        assertThat(privacyOfficer().get("/api/v1/persons/" + id + "/subject-access-export?format=xml").status())
            .isEqualTo(400);
        assertThat(privacyOfficer().get("/api/v1/persons/" + UUID.randomUUID() + "/subject-access-export").status())
            .isEqualTo(404);
        // The role decides before need-to-know: a role that may never export gets 403
        // whatever the file, of its own team, another team or another municipality.
        assertThat(Api.as(mvc, "begeleider.oost").get("/api/v1/persons/" + id + "/subject-access-export").status())
            .isEqualTo(403);
        assertThat(Api.as(mvc, "begeleider.dordrecht").get("/api/v1/persons/" + id + "/subject-access-export").status())
            .isEqualTo(403);
    }

    static JsonNode section(JsonNode export, String key) {
        for (JsonNode section : export.get("sections")) {
            if (section.get("key").asString().equals(key)) {
                return section;
            }
        }
        throw new AssertionError("no section " + key);
    }

    static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("\\s+", " ");
        }
        finally {
            reader.close();
        }
    }

}
