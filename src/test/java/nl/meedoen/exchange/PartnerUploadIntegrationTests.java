package nl.meedoen.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import nl.meedoen.exchange.PartnerFixtures.Referral;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Partner reports by CSV: the documented example previews without error and lands where
 * the API's reports land, in one confirmation that cannot be repeated; errors name the
 * column and the reason in Dutch and store nothing; a referral of another organisation is
 * an error line that says nothing of that person; another organisation's upload is not
 * found; a file of thousands of lines is previewed and confirmed in one go.
 */
@MeedoenIntegrationTest
class PartnerUploadIntegrationTests {

    private static final String HEADER = "Verwijzing;Soort;Datum;Aanwezig;Afgemeld;Klassikaal;Online;Onderdeel;Niveau;Geslaagd\n";

    private static final String UPLOADS = "/api/v1/partner-reports/uploads";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    PartnerFixtures given;

    LocalDate today = LocalDate.now();

    @BeforeEach
    void fixtures() {
        given = new PartnerFixtures(mvc, ownerDataSource);
    }

    @Test
    void theDocumentedExampleIsPreviewedOnThePartnerPagesAndConfirmedOnceIntoWhereReportsBelong() throws Exception {
        Referral school = given.activeReferral();
        Referral exams = given.activeReferral();
        String example = Files.readString(Path.of("docs/examples/partner-meldingen.csv"), StandardCharsets.UTF_8)
            .replace("3f6c1a9e-0b7d-4c2e-9a41-7d2b5e8c1f01", school.id())
            .replace("8b2d4e6f-1a3c-4e5b-8d7f-0c9e1b2a3d02", exams.id());
        Pages partner = Pages.as(mvc, "partner");

        MockHttpServletResponse uploaded = partner.perform(
                multipart("/partner/meldingen")
                    .file(new MockMultipartFile("file", "meldingen.csv", "text/csv",
                            ("\uFEFF" + example).getBytes(StandardCharsets.UTF_8)))
                    .with(csrf()));
        assertThat(uploaded.getStatus()).isEqualTo(302);
        String previewPath = uploaded.getRedirectedUrl();
        assertThat(previewPath).startsWith("/partner/meldingen/");
        String preview = partner.perform(get(previewPath)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(preview).contains("7 regels, 0 met een fout.", "Bevestigen en inlezen");
        assertThat(stored(school)).as("nothing stored before the confirmation").isZero();

        MockHttpServletResponse confirmed = partner
            .perform(post(previewPath + "/bevestigen").param("version", "0").with(csrf()));
        assertThat(confirmed.getStatus()).isEqualTo(302);
        assertThat(partner.perform(get(previewPath)).getContentAsString(StandardCharsets.UTF_8))
            .contains("Ingelezen: 3 aanwezigheden, 1 lesuren, 1 voortgangstoetsen, 2 examenuitslagen.");
        assertThat(stored(school)).isEqualTo(3);
        assertThat(given.owner()
            .sql("select total_hours || '/' || classroom_hours from nt2_lesson_hours where person_id = cast(:p as uuid)")
            .param("p", school.person())
            .query(String.class)
            .single()).isEqualTo("30.5/24.5");
        assertThat(given.owner()
            .sql("select skill || level || source from language_level where person_id = cast(:p as uuid)")
            .param("p", school.person())
            .query(String.class)
            .list()).containsExactly("READINGA2PARTNER");
        assertThat(given.owner()
            .sql("select part || ':' || result from exam_result where person_id = cast(:p as uuid) order by part")
            .param("p", exams.person())
            .query(String.class)
            .list()).containsExactly("KNM:FAILED", "SPEAKING:PASSED");
        assertThat(given.owner()
            .sql("select count(*) from audit_entry where person_id = cast(:p as uuid) and action = 'PARTNER_REPORT' "
                    + "and actor = 'partner'")
            .param("p", school.person())
            .query(Long.class)
            .single()).as("each report a processing by the partner").isEqualTo(5);
        assertThat(given.owner()
            .sql("select content is null from partner_upload where id = cast(:id as uuid)")
            .param("id", previewPath.substring(previewPath.lastIndexOf('/') + 1))
            .query(Boolean.class)
            .single()).as("the file is cleared once confirmed").isTrue();

        Api.Response twice = Api.as(mvc, "partner")
            .post(UPLOADS + "/" + previewPath.substring(previewPath.lastIndexOf('/') + 1) + "/confirmation", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(stored(school)).isEqualTo(3);
    }

    @Test
    void errorsNameTheColumnAndTheReasonAndNothingIsStored() {
        Referral referral = given.activeReferral();
        Referral foreign = given.referralToAnotherOrganisation();
        String day = today.minusDays(1).toString();
        String file = HEADER + String.join("\n", referral.id() + ";AANWEZIGHEID;" + day + ";ja;;;;;;",
                referral.id() + ";AANWEZIGHEID;31-02-2025;ja;;;;;;",
                referral.id() + ";AANWEZIGHEID;" + day + ";nee;;;;;;",
                foreign.id() + ";AANWEZIGHEID;" + day + ";ja;;;;;;", "abc;AANWEZIGHEID;" + day + ";ja;;;;;;",
                referral.id() + ";LESUREN;" + day + ";;;1.000;2;;;",
                referral.id() + ";VOORTGANGSTOETS;" + day + ";;;;;KNM;A2;",
                referral.id() + ";PRAATJE;" + day + ";;;;;;;", referral.id() + ";AANWEZIGHEID;" + day + ";ja;;;;;;",
                referral.id() + ";AANWEZIGHEID;" + today.plusDays(1) + ";ja;;;;;;");

        JsonNode lines = upload("partner", file).get("lines");

        assertThat(lines).hasSize(10);
        assertThat(line(lines, 2)).isEqualTo("OK");
        assertThat(line(lines, 3)).isEqualTo("Datum: Schrijf de datum als dd-mm-jjjj of jjjj-mm-dd.");
        assertThat(line(lines, 4)).isEqualTo("Afgemeld: Geef bij een afwezigheid aan of de persoon zich had afgemeld.");
        assertThat(line(lines, 5)).isEqualTo("Verwijzing: Geen lopende verwijzing aan uw organisatie met dit kenmerk.");
        assertThat(line(lines, 6)).startsWith("Verwijzing: Dit is geen kenmerk");
        assertThat(line(lines, 7)).startsWith("Klassikaal: ");
        assertThat(line(lines, 8)).isEqualTo("Onderdeel: Kies lezen, luisteren, schrijven of spreken.");
        assertThat(line(lines, 9)).startsWith("Soort: Kies AANWEZIGHEID");
        assertThat(line(lines, 10)).isEqualTo("Datum: Voor deze verwijzing en datum is de aanwezigheid al gemeld.");
        assertThat(line(lines, 11)).isEqualTo("Datum: Deze datum ligt in de toekomst.");
        assertThat(lines.toString()).as("nothing about the other organisation's person")
            .doesNotContain(foreign.person())
            .doesNotContain("Partnertest");

        String id = upload("partner", file).get("uploadId").asString();
        Api.Response confirmed = Api.as(mvc, "partner").post(UPLOADS + "/" + id + "/confirmation", Map.of());
        assertThat(confirmed.status()).isEqualTo(422);
        assertThat(stored(referral)).isZero();
        assertThat(stored(foreign)).isZero();
    }

    @Test
    void anUploadIsItsOrganisationsAndStaffMayNotUpload() throws Exception {
        Referral referral = given.activeReferral();
        String id = upload("partner",
                HEADER + referral.id() + ";AANWEZIGHEID;" + today.minusDays(1) + ";nee;nee;;;;;\n")
            .get("uploadId")
            .asString();

        assertThat(perform("begeleider", HEADER).status()).isEqualTo(403);
        assertThat(Api.as(mvc, "begeleider").post(UPLOADS + "/" + id + "/confirmation", Map.of()).status())
            .isEqualTo(403);
        assertThat(perform("partner", "Naam;BSN\nJan;123\n").status()).isEqualTo(400);
        assertThat(
                Pages.as(mvc, "partner").perform(get("/partner/meldingen/" + java.util.UUID.randomUUID())).getStatus())
            .isEqualTo(404);
        assertThat(Api.as(mvc, "partner").post(UPLOADS + "/" + id + "/confirmation", Map.of(), "\"7\"").status())
            .as("a stale If-Match")
            .isEqualTo(412);
        assertThat(stored(referral)).isZero();
    }

    @Test
    void aFileOfThousandsOfLinesIsPreviewedAndConfirmedInOneGo() {
        List<Referral> referrals = List.of(given.activeReferral(), given.activeReferral(), given.activeReferral());
        StringBuilder file = new StringBuilder(HEADER);
        int perReferral = 1200;
        for (Referral referral : referrals) {
            for (int i = 0; i < perReferral; i++) {
                LocalDate day = today.minusDays(1 + i);
                file.append(referral.id())
                    .append(";AANWEZIGHEID;")
                    .append(day)
                    .append(i % 10 == 0 ? ";nee;ja" : ";ja;")
                    .append(";;;;;\n");
            }
        }
        long started = System.nanoTime();
        JsonNode preview = upload("partner", file.toString());
        long previewed = System.nanoTime();
        assertThat(preview.get("lines")).hasSize(3 * perReferral);
        assertThat(preview.get("lines").findValuesAsString("outcome")).containsOnly("OK");

        Api.Response confirmed = Api.as(mvc, "partner")
            .post(UPLOADS + "/" + preview.get("uploadId").asString() + "/confirmation", Map.of());
        long done = System.nanoTime();

        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(confirmed.body().get("attendance").asInt()).isEqualTo(3 * perReferral);
        for (Referral referral : referrals) {
            assertThat(stored(referral)).isEqualTo(perReferral);
        }
        System.out.printf("partner upload of %d lines: preview %d ms, confirmation %d ms%n", 3 * perReferral,
                (previewed - started) / 1_000_000, (done - previewed) / 1_000_000);
    }

    private long stored(Referral referral) {
        return given.owner()
            .sql("select count(*) from partner_attendance where referral_id = cast(:r as uuid)")
            .param("r", referral.id())
            .query(Long.class)
            .single();
    }

    private static String line(JsonNode lines, int number) {
        for (JsonNode line : lines) {
            if (line.get("line").asInt() == number) {
                return line.get("outcome").asString().equals("OK") ? "OK"
                        : line.get("column").asString() + ": " + line.get("message").asString();
            }
        }
        throw new AssertionError("no line " + number + " in " + lines);
    }

    private JsonNode upload(String username, String content) {
        Api.Response response = perform(username, content);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private Api.Response perform(String username, String content) {
        try {
            return new Api.Response(mvc.perform(multipart(UPLOADS)
                .file(new MockMultipartFile("file", "meldingen.csv", "text/csv",
                        content.getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "nl")
                .with(httpBasic(username, "demo"))).andReturn().getResponse());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

}
