package nl.meedoen.provisions;

import java.nio.charset.StandardCharsets;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** CSV import and export of the provision directory by an administrator. */
@MeedoenIntegrationTest
class ProvisionCsvIntegrationTests {

    private static final String HEADER = "id;organisatie;naam;omschrijving;domein;doelgroep;talen;kosten;"
            + "toegankelijkheid;locatie;openingstijden;aanmelden;actief\n";

    @Autowired
    MockMvc mvc;

    @Test
    void aFileWithBadRowsIsReportedByLineNumberAndImportsNothing() throws Exception {
        String suffix = Long.toString(System.nanoTime());
        String csv = HEADER + ";Taalschool De Brug;Leesclub-" + suffix
                + ";Samen boeken lezen.;LANGUAGE;;nl;Gratis;;;;;ja\n" + ";Onbekende Stichting;Kookles-" + suffix
                + ";Koken.;LANGUAGE;;nl;;;;;;ja\n" + ";Bibliotheek Sliedrecht;Voorlezen-" + suffix
                + ";Voorlezen aan kinderen.;KOKEN;;xx;;;;;;misschien\n" + ";Bibliotheek Sliedrecht;Spelletjesmiddag-"
                + suffix + ";Spelen.;SPORT_AND_CULTURE;;nl;;;;;;nee\n";

        String report = upload(csv, false);

        assertThat(report).contains("Regel").contains("niets geïmporteerd").contains("2 goede regels");
        assertThat(report).containsPattern("<td[^>]*>3</td>\\s*<td[^>]*>organisatie</td>");
        assertThat(report).containsPattern("<td[^>]*>4</td>\\s*<td[^>]*>domein</td>");
        assertThat(report).containsPattern("<td[^>]*>4</td>\\s*<td[^>]*>talen</td>");
        assertThat(report).containsPattern("<td[^>]*>4</td>\\s*<td[^>]*>actief</td>");
        assertThat(report).doesNotContainPattern("<td[^>]*>2</td>\\s*<td");
        assertThat(search("Leesclub-" + suffix)).isZero();
        assertThat(search("Spelletjesmiddag-" + suffix)).isZero();

        String partly = upload(csv, true);

        assertThat(partly).contains("2 voorzieningen toegevoegd");
        assertThat(search("Leesclub-" + suffix)).isEqualTo(1);
        assertThat(search("Kookles-" + suffix)).isZero();
        assertThat(search("Voorlezen-" + suffix)).isZero();
        // The inactive row is imported but not in the directory.
        assertThat(search("Spelletjesmiddag-" + suffix)).isZero();
    }

    @Test
    void theExportImportsBackUnchanged() throws Exception {
        String formula = Api.as(mvc, "beheerder")
            .post("/api/v1/provisions", java.util.Map.of("partnerId", "4f1c8a52-6f0e-4b9a-9a51-2d7c3e0b1a01", "name",
                    "Rekenles-" + System.nanoTime(), "description", "=1+1 is hier geen formule", "domain", "EDUCATION"))
            .body()
            .get("id")
            .asString();
        Pages admin = Pages.as(mvc, "beheerder");
        MockHttpServletResponse export = admin.perform(get("/sociale-kaart/export.csv"));
        assertThat(export.getStatus()).isEqualTo(200);
        assertThat(export.getContentType()).startsWith("text/csv");
        String csv = export.getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith(HEADER.strip()).contains("Taalschool De Brug;NT2-cursus B1-route");
        long rows = csv.lines().count() - 1;

        String report = upload(csv, false);

        assertThat(report).contains(rows + " regels gelezen: 0 voorzieningen toegevoegd, " + rows + " gewijzigd");
        assertThat(csv).contains(";'=1+1 is hier geen formule;");
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/provisions/" + formula).body().get("description").asString())
            .isEqualTo("=1+1 is hier geen formule");
        assertThat(Pages.as(mvc, "begeleider").perform(get("/sociale-kaart/beheer/import")).getStatus()).isEqualTo(403);
    }

    private String upload(String csv, boolean goodRows) throws Exception {
        MockHttpServletResponse response = Pages.as(mvc, "beheerder")
            .perform(multipart("/sociale-kaart/beheer/import")
                .file(new MockMultipartFile("file", "sociale-kaart.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8)))
                .param("goodRows", Boolean.toString(goodRows))
                .with(csrf()));
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int search(String text) {
        return Api.as(mvc, "begeleider").get("/api/v1/provisions?q=" + text).body().get("items").size();
    }

}
