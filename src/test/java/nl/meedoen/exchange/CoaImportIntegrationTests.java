package nl.meedoen.exchange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestBsns;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

@MeedoenIntegrationTest
class CoaImportIntegrationTests {

    private static final String HEADER = "V-nummer;BSN;Voornamen;Achternaam;Geboortedatum;Geslacht;Nationaliteit;Talen;"
            + "Huishouden;Relatie;Koppeldatum;Nareiziger;Opmerkingen";

    private static final AtomicLong V_NUMBERS = new AtomicLong(
            8_800_000_000L + (ProcessHandle.current().pid() % 1000) * 100_000L);

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Test
    void thePreviewSaysPerRowWhatHappensAndWritesNoPerson() {
        String existingBsn = owner().sql("""
                select p.bsn from person p join municipality m on m.id = p.municipality_id
                join app_user u on u.team_id = p.team_id and u.username = 'begeleider'
                where m.code = '0610' and p.bsn is not null and p.ended_on is null order by p.id limit 1""")
            .query(String.class)
            .single();
        String newV = vNumber();
        String csv = HEADER + "\r\n"
                + row(newV, TestBsns.next(), "Amal", "Haddad", "12-03-1985", "V", "H1", "HOOFD", "ja",
                        "\"Diabetes; verpleegkundige\"")
                + row(vNumber(), "", "Omar", "Haddad", "2015-06-01", "M", "H1", "KIND", "nee", "")
                + row("", existingBsn, "Bestaand", "Persoon", "01-01-1990", "X", "", "", "", "")
                + row(vNumber(), "123456789", "Fout", "Bsn", "01-01-1990", "M", "", "", "", "")
                + row(vNumber(), TestBsns.next(), "Fout", "Datum", "31-02-1990", "M", "", "", "", "")
                + row(newV, TestBsns.next(), "Dubbel", "Nummer", "01-01-1990", "M", "", "", "", "");
        JsonNode preview = upload("begeleider", "lijst.csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode rows = preview.get("rows");
        assertThat(rows).hasSize(6);
        assertThat(outcomes(rows)).containsExactly("NEW", "NEW", "EXISTING", "ERROR", "ERROR", "ERROR");
        assertThat(rows.get(3).get("field").asString()).isEqualTo("BSN");
        assertThat(rows.get(4).get("field").asString()).isEqualTo("Geboortedatum");
        assertThat(rows.get(4).get("message").asString()).contains("dd-mm-jjjj");
        assertThat(rows.get(5).get("message").asString()).contains("eerdere regel");
        assertThat(preview.get("households").get(0).get("lines").toString()).isEqualTo("[2,3]");
        assertThat(countV(newV)).isZero();
        assertThat(Api.as(mvc, "begeleider")
            .post("/api/v1/imports/" + preview.get("importId").asString() + "/confirmation", "")
            .status()).isEqualTo(422);
        assertThat(countV(newV)).isZero();
    }

    @Test
    void aConfirmationOfThousandsOfRowsWritesPersonsHouseholdsAndMatchesOnceAndTheSameFileTwiceChangesNothing() {
        int households = 700;
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        List<String> heads = new ArrayList<>();
        for (int h = 0; h < households; h++) {
            String head = vNumber();
            heads.add(head);
            String key = "HH" + head;
            csv.append(row(head, TestBsns.next(), "Ouder" + h, "Familie", "12-03-1980", "V", key, "HOOFD", "nee",
                    h == 0 ? "Heeft een verpleegkundige opleiding" : ""));
            csv.append(row(vNumber(), TestBsns.next(), "Partner" + h, "Familie", "1981-04-02", "M", key, "PARTNER",
                    "nee", ""));
            csv.append(row(vNumber(), "", "Kind" + h, "Familie", "01-09-2014", "", key, "KIND", "ja", ""));
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        JsonNode preview = upload("begeleider", "groot.csv", file);
        assertThat(preview.get("rows")).hasSize(households * 3);
        assertThat(outcomes(preview.get("rows"))).containsOnly("NEW");
        String importId = preview.get("importId").asString();
        Api.Response confirmed = Api.as(mvc, "begeleider").post("/api/v1/imports/" + importId + "/confirmation", "");
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(confirmed.body().get("personsCreated").asInt()).isEqualTo(households * 3);
        assertThat(confirmed.body().get("personsUpdated").asInt()).isZero();
        assertThat(confirmed.body().get("households").asInt()).isEqualTo(households);
        assertThat(confirmed.body().get("matches").asInt()).isEqualTo(households);

        String head = heads.get(0);
        assertThat(owner().sql("""
                select count(*) from household_member hm join person p on p.id = hm.person_id
                where hm.household_id = (select hm2.household_id from household_member hm2 join person p2
                    on p2.id = hm2.person_id where p2.v_number = :v)""").param("v", head).query(Long.class).single())
            .isEqualTo(3);
        assertThat(owner().sql("""
                select m.family_reunification from housing_match m join housing_match_person mp on mp.match_id = m.id
                join person p on p.id = mp.person_id where p.v_number = :v""")
            .param("v", head)
            .query(Boolean.class)
            .single()).isTrue();
        assertThat(owner().sql("""
                select r.remark from coa_remark r join person p on p.id = r.person_id where p.v_number = :v""")
            .param("v", head)
            .query(String.class)
            .single()).isEqualTo("Heeft een verpleegkundige opleiding");

        assertThat(Api.as(mvc, "begeleider").post("/api/v1/imports/" + importId + "/confirmation", "").status())
            .isEqualTo(409);

        JsonNode again = upload("begeleider", "groot.csv", file);
        assertThat(outcomes(again.get("rows"))).containsOnly("EXISTING");
        Api.Response twice = Api.as(mvc, "begeleider")
            .post("/api/v1/imports/" + again.get("importId").asString() + "/confirmation", "");
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body().toString())
            .isEqualTo("{\"personsCreated\":0,\"personsUpdated\":0,\"households\":0,\"matches\":0}");
        assertThat(owner().sql("select count(*) from person where v_number = :v")
            .param("v", head)
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void aRowRefusedAtConfirmationRollsBackTheWholeFile() {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        List<String> numbers = new ArrayList<>();
        String clashing = TestBsns.next();
        for (int i = 0; i < 1500; i++) {
            String v = vNumber();
            numbers.add(v);
            csv.append(row(v, i == 1400 ? clashing : TestBsns.next(), "Persoon" + i, "Terugdraai", "01-01-1990", "M",
                    "", "", "nee", ""));
        }
        JsonNode preview = upload("begeleider", "terug.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(outcomes(preview.get("rows"))).containsOnly("NEW");
        // Meanwhile another team of the municipality registers a file with the BSN of
        // line 1402: the caseworker
        // cannot see it, so the preview stays as it was; the files refuse the number at
        // confirmation.
        owner().sql("""
                insert into person (id, municipality_id, team_id, given_names, family_name, sort_name, date_of_birth,
                    category, bsn, version)
                select gen_random_uuid(), m.id, t.id, 'Ander', 'Team', 'team ander', date '1970-01-01',
                    'PERMIT_HOLDER', :bsn, 0
                from municipality m join team t on t.municipality_id = m.id
                where m.code = '0610' and t.id <> (select team_id from app_user where username = 'begeleider')
                order by t.id limit 1""").param("bsn", clashing).update();
        Api.Response refused = Api.as(mvc, "begeleider")
            .post("/api/v1/imports/" + preview.get("importId").asString() + "/confirmation", "");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).startsWith("Regel 1402:").contains("niets ingelezen");
        assertThat(owner().sql("select count(*) from person where v_number in (:v)")
            .param("v", numbers)
            .query(Long.class)
            .single()).isZero();
        assertThat(owner().sql("select status from coa_import where id = cast(:id as uuid)")
            .param("id", preview.get("importId").asString())
            .query(String.class)
            .single()).isEqualTo("PREVIEWED");
    }

    @Test
    void anXlsxFileIsReadLikeTheCsvAndAnotherTeamNeitherSeesNorConfirmsTheImport() throws Exception {
        String v = vNumber();
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Koppellijst");
            String[] header = HEADER.split(";");
            var first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            var row = sheet.createRow(1);
            String[] cells = { v, "", "Sara", "Tesfay", "05-05-1995", "V", "ER", "ti,en", "", "", "01-11-2026", "nee",
                    "" };
            for (int i = 0; i < cells.length; i++) {
                row.createCell(i).setCellValue(cells[i]);
            }
            book.write(out);
            xlsx = out.toByteArray();
        }
        JsonNode preview = upload("begeleider", "lijst.xlsx", xlsx);
        assertThat(outcomes(preview.get("rows"))).containsExactly("NEW");
        String id = preview.get("importId").asString();
        assertThat(Api.as(mvc, "begeleider.dordrecht").post("/api/v1/imports/" + id + "/confirmation", "").status())
            .isEqualTo(404);
        assertThat(Api.as(mvc, "begeleider.oost").post("/api/v1/imports/" + id + "/confirmation", "").status())
            .isEqualTo(404);
        assertThat(Api.as(mvc, "beleid").post("/api/v1/imports/" + id + "/confirmation", "").status()).isEqualTo(403);
    }

    @Test
    void theDocumentedExampleFileIsReadWithoutErrorsAndFormsItsHousehold() throws Exception {
        byte[] example = java.nio.file.Files
            .readAllBytes(java.nio.file.Path.of("docs", "examples", "coa-koppellijst.csv"));
        JsonNode preview = upload("begeleider", "coa-koppellijst.csv", example);
        assertThat(outcomes(preview.get("rows"))).hasSize(4).doesNotContain("ERROR");
        assertThat(preview.get("households")).hasSize(1);
        assertThat(preview.get("households").get(0).get("lines").toString()).isEqualTo("[2,3,4]");
    }

    @Test
    void aFileThatCannotBeReadAnswers400AndThePagesShowThePreview() throws Exception {
        Api.Response bad = perform("begeleider", "leeg.csv", "Naam;Adres\r\nx;y\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("file");
        String page = Pages.as(mvc, "begeleider")
            .perform(get("/huisvesting/koppellijst"))
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("V-nummer;BSN;Voornamen");
    }

    private Api.Response perform(String username, String name, byte[] content) {
        try {
            return new Api.Response(mvc
                .perform(multipart("/api/v1/imports/coa-matches")
                    .file(new MockMultipartFile("file", name, "text/csv", content))
                    .with(httpBasic(username, "demo")))
                .andReturn()
                .getResponse());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private JsonNode upload(String username, String name, byte[] content) {
        Api.Response response = perform(username, name, content);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static List<String> outcomes(JsonNode rows) {
        List<String> outcomes = new ArrayList<>();
        rows.forEach(r -> outcomes.add(r.get("outcome").asString()));
        return outcomes;
    }

    private static String row(String v, String bsn, String given, String family, String born, String gender,
            String household, String relation, String lateJoiner, String remark) {
        return String.join(";", v, bsn, given, family, born, gender, "SY", "ar,en", household, relation, "01-10-2026",
                lateJoiner, remark) + "\r\n";
    }

    private static String vNumber() {
        return String.valueOf(V_NUMBERS.incrementAndGet());
    }

    private long countV(String v) {
        return owner().sql("select count(*) from person where v_number = :v").param("v", v).query(Long.class).single();
    }

    private JdbcClient owner() {
        return JdbcClient.create(ownerDataSource);
    }

}
