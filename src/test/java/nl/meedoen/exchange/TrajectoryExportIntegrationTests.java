package nl.meedoen.exchange;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.platform.csv.SafeCsv;
import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trajectory report for the chain: one row per person whose duty ran in the period,
 * with the PIP, route, integration period, the best result per exam part up to the
 * period's end, DUO's exemptions, PVT, MAP and the hours of the 600-hour rule; the period
 * filter; CSV and XLSX read back; formula-looking text neutralised; only the team lead
 * (403 for the others), only the files the team lead may open; every person in a file
 * logged.
 */
@MeedoenIntegrationTest
class TrajectoryExportIntegrationTests {

    private static final String FORMULA = "=HYPERLINK(\"http://example.org\")";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Test
    void theReportHoldsThePersonsRouteExamsExemptionsAndHoursOfThePeriod() throws Exception {
        Person full = person("teamleider", "Rapport" + UUID.randomUUID().toString().substring(0, 6));
        duty(full, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 1), "B1", LocalDate.of(2029, 3, 1));
        owner().sql("""
                insert into broad_intake (municipality_id, person_id, completed_on)
                values (cast(:m as uuid), cast(:p as uuid), date '2026-02-15')""")
            .param("m", full.municipality())
            .param("p", full.id())
            .update();
        exam(full, "READING", "B1", "FAILED", "2026-04-01");
        exam(full, "READING", "B1", "PASSED", "2026-06-01");
        exam(full, "READING", "B1", "FAILED", "2026-07-01");
        exam(full, "KNM", null, "PASSED", "2026-05-20");
        exam(full, "LISTENING", "B1", "PASSED", "2027-01-15");
        owner().sql("""
                insert into integration_exemption (id, municipality_id, person_id, part, kind, decided_on, ground)
                values (gen_random_uuid(), cast(:m as uuid), cast(:p as uuid), 'PVT', 'ONTHEFFING', date '2026-04-10',
                    'aangetoonde beperking')""").param("m", full.municipality()).param("p", full.id()).update();
        owner().sql("""
                insert into participation_declaration (municipality_id, person_id, status)
                values (cast(:m as uuid), cast(:p as uuid), 'EXEMPT')""")
            .param("m", full.municipality())
            .param("p", full.id())
            .update();
        owner().sql("""
                insert into nt2_lesson_hours (municipality_id, person_id, total_hours, classroom_hours, as_of)
                values (cast(:m as uuid), cast(:p as uuid), 612.5, 400, date '2026-11-30')""")
            .param("m", full.municipality())
            .param("p", full.id())
            .update();
        Person later = person("teamleider", "Later" + UUID.randomUUID().toString().substring(0, 6));
        duty(later, LocalDate.of(2027, 1, 5), null, null, null);
        Person ended = person("teamleider", "Afgelopen" + UUID.randomUUID().toString().substring(0, 6));
        duty(ended, LocalDate.of(2021, 1, 5), LocalDate.of(2021, 3, 1), "Z", LocalDate.of(2025, 12, 31));
        Person otherTeam = person("begeleider.oost", "Oost" + UUID.randomUUID().toString().substring(0, 6));
        duty(otherTeam, LocalDate.of(2026, 2, 5), null, null, null);

        Response csv = download("teamleider", "/api/v1/exports/trajectories?from=2026-01-01&to=2026-12-31&format=csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("trajecten-2026-01-01-2026-12-31.csv");
        List<CSVRecord> records = csv(csv);
        assertThat(records.get(0).toList()).startsWith("bsn", "v_nummer", "achternaam", "voornamen")
            .contains("pip_vastgesteld", "leerroute", "examen_lezen_resultaat", "vrijstelling_pvt_soort",
                    "nt2_600_uur_bereikt")
            .hasSize(54);
        Map<String, String> row = row(records, full.familyName());
        assertThat(row).containsEntry("bsn", full.bsn())
            .containsEntry("voornamen", FORMULA)
            .containsEntry("regime", "WI2021")
            .containsEntry("start_plicht", "2026-01-10")
            .containsEntry("brede_intake_afgerond", "2026-02-15")
            .containsEntry("pip_vastgesteld", "2026-03-01")
            .containsEntry("leerroute", "B1")
            .containsEntry("termijn_start", "2026-03-02")
            .containsEntry("termijn_einde", "2029-03-01")
            .containsEntry("examen_lezen_resultaat", "PASSED")
            .containsEntry("examen_lezen_niveau", "B1")
            .containsEntry("examen_lezen_datum", "2026-06-01")
            .containsEntry("examen_knm_resultaat", "PASSED")
            .containsEntry("examen_knm_datum", "2026-05-20")
            .containsEntry("examen_luisteren_resultaat", "")
            .containsEntry("vrijstelling_pvt_soort", "ONTHEFFING")
            .containsEntry("vrijstelling_pvt_datum", "2026-04-10")
            .containsEntry("vrijstelling_knm_soort", "")
            .containsEntry("pvt_status", "EXEMPT")
            .containsEntry("map_afgerond", "nee")
            .containsEntry("nt2_uren", "612.5")
            .containsEntry("nt2_uren_klassikaal", "400.0")
            .containsEntry("nt2_600_uur_bereikt", "ja");
        String text = csv.raw().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("'" + FORMULA.replace("\"", "\"\"")).doesNotContain(";\"" + FORMULA);
        assertThat(names(records)).doesNotContain(later.familyName(), ended.familyName(), otherTeam.familyName());
        assertThat(names(
                csv(download("teamleider", "/api/v1/exports/trajectories?from=2027-01-01&to=2027-12-31&format=csv"))))
            .contains(full.familyName(), later.familyName())
            .doesNotContain(ended.familyName());
        assertThat(names(
                csv(download("teamleider", "/api/v1/exports/trajectories?from=2025-01-01&to=2025-12-31&format=csv"))))
            .contains(ended.familyName())
            .doesNotContain(full.familyName(), later.familyName());
        assertThat(logged(full)).isEqualTo(2);
        assertThat(logged(later)).isEqualTo(1);
        assertThat(logged(otherTeam)).isZero();
    }

    @Test
    void theXlsxFileReadsBackWithNumbersAsNumbersAndFormulaLookingTextAsText() throws Exception {
        Person person = person("teamleider", "Excel" + UUID.randomUUID().toString().substring(0, 6));
        duty(person, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 1), "Z", LocalDate.of(2029, 3, 1));

        Response xlsx = download("teamleider",
                "/api/v1/exports/trajectories?from=2026-07-01&to=2026-12-31&format=xlsx");

        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.raw().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("bsn");
            int hours = column(header, "map_praktijkuren");
            int route = column(header, "leerroute");
            boolean found = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
                if (person.bsn().equals(new DataFormatter().formatCellValue(row.getCell(0)))) {
                    found = true;
                    assertThat(row.getCell(route).getStringCellValue()).isEqualTo("Z");
                    assertThat(row.getCell(hours).getCellType()).isEqualTo(CellType.NUMERIC);
                    Cell given = row.getCell(3);
                    assertThat(given.getStringCellValue()).isEqualTo(FORMULA);
                    assertThat(given.getCellStyle().getQuotePrefixed()).isTrue();
                }
            }
            assertThat(found).isTrue();
            assertThat(Integer.parseInt(xlsx.header("X-Row-Count"))).isEqualTo(sheet.getLastRowNum());
        }
    }

    @Test
    void onlyTheTeamLeadMayDownloadAndABadPeriodIsRefused() throws Exception {
        String address = "/api/v1/exports/trajectories?from=2026-01-01&to=2026-12-31&format=csv";
        for (String user : List.of("begeleider", "beleid", "beheerder", "privacy", "partner", "coordinator")) {
            assertThat(download(user, address).status()).as(user).isEqualTo(403);
        }
        assertThat(download("teamleider", "/api/v1/exports/trajectories?from=2026-12-31&to=2026-01-01&format=csv")
            .status()).isEqualTo(400);
        assertThat(download("teamleider", "/api/v1/exports/trajectories?from=2020-01-01&to=2026-01-01&format=csv")
            .status()).isEqualTo(400);
        assertThat(download("teamleider", "/api/v1/exports/trajectories?from=2026-01-01&to=2026-12-31&format=pdf")
            .status()).isEqualTo(400);
        assertThat(Pages.as(mvc, "begeleider").perform(MockMvcRequestBuilders.get("/traject/rapportage")).getStatus())
            .isEqualTo(403);
    }

    @Test
    void thePageOffersAPeriodAndDownloadsTheFile() throws Exception {
        Pages pages = Pages.as(mvc, "teamleider");
        MockHttpServletResponse form = pages.perform(MockMvcRequestBuilders.get("/traject/rapportage"));
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString(StandardCharsets.UTF_8)).contains("Trajectrapportage voor de keten",
                "name=\"period\"", "name=\"from\"", "bsn;v_nummer;achternaam");

        MockHttpServletResponse file = pages
            .perform(MockMvcRequestBuilders.get("/traject/rapportage/bestand?period=2026-H1&format=xlsx"));
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getHeader("Content-Disposition")).contains("trajecten-2026-01-01-2026-06-30.xlsx");

        MockHttpServletResponse wrong = pages
            .perform(MockMvcRequestBuilders.get("/traject/rapportage/bestand?period=2026-H3&format=csv"));
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("Vul een jaar (2025) of halfjaar",
                "value=\"2026-H3\"");
        MockHttpServletResponse backwards = pages.perform(MockMvcRequestBuilders
            .get("/traject/rapportage/bestand?period=&from=2026-05-01&to=2026-04-01&format=csv"));
        assertThat(backwards.getStatus()).isEqualTo(400);
        assertThat(backwards.getContentAsString(StandardCharsets.UTF_8))
            .contains("De einddatum ligt voor de begindatum.");
    }

    private Response download(String user, String address) {
        return Api.as(mvc, user).perform(MockMvcRequestBuilders.get(address));
    }

    private record Person(String id, String municipality, String familyName, String bsn) {
    }

    private Person person(String user, String familyName) {
        Map<String, Object> body = Api.person(FORMULA, familyName);
        Response created = Api.as(mvc, user).post("/api/v1/persons", body);
        assertThat(created.status()).as(created.raw().getContentAsByteArray().length + "").isEqualTo(201);
        String id = created.body().get("id").asString();
        String municipality = owner().sql("select municipality_id::text from person where id = cast(:p as uuid)")
            .param("p", id)
            .query(String.class)
            .single();
        return new Person(id, municipality, familyName, (String) body.get("bsn"));
    }

    private void duty(Person person, LocalDate notice, LocalDate adopted, String route, LocalDate periodEnd) {
        owner()
            .sql("""
                    insert into integration_duty (municipality_id, person_id, regime, duo_notice_date,
                        brp_registration_date, plan_due_date, plan_adopted_on, route, integration_period_start,
                        integration_period_end, map_practical_hours)
                    values (cast(:m as uuid), cast(:p as uuid), 'WI2021', :notice, :notice, cast(:notice as date) + 70, :adopted,
                        :route, cast(:adopted as date) + 1, :end, 12)""")
            .param("m", person.municipality())
            .param("p", person.id())
            .param("notice", notice)
            .param("adopted", adopted)
            .param("route", route)
            .param("end", periodEnd)
            .update();
    }

    private void exam(Person person, String part, String level, String result, String day) {
        owner()
            .sql("""
                    insert into exam_result (id, municipality_id, person_id, part, level, result, taken_on)
                    values (gen_random_uuid(), cast(:m as uuid), cast(:p as uuid), :part, :level, :result, cast(:day as date))""")
            .param("m", person.municipality())
            .param("p", person.id())
            .param("part", part)
            .param("level", level)
            .param("result", result)
            .param("day", day)
            .update();
    }

    private long logged(Person person) {
        return owner().sql("""
                select count(*) from audit_entry
                where person_id = cast(:p as uuid) and action = 'CHAIN_EXPORT' and actor = 'teamleider'""")
            .param("p", person.id())
            .query(Long.class)
            .single();
    }

    private static List<CSVRecord> csv(Response response) throws Exception {
        assertThat(response.status()).isEqualTo(200);
        String text = response.raw().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith(SafeCsv.BOM);
        return CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .get()
            .parse(new StringReader(text.substring(1)))
            .getRecords();
    }

    private static Map<String, String> row(List<CSVRecord> records, String familyName) {
        List<String> header = records.get(0).toList();
        for (CSVRecord record : records.subList(1, records.size())) {
            if (familyName.equals(record.get(2))) {
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    row.put(header.get(c), SafeCsv.restore(record.get(c)));
                }
                return row;
            }
        }
        throw new AssertionError(familyName + " not in the file");
    }

    private static List<String> names(List<CSVRecord> records) {
        List<String> names = new ArrayList<>();
        records.subList(1, records.size()).forEach(record -> names.add(record.get(2)));
        return names;
    }

    private static int column(Row header, String name) {
        for (Cell cell : header) {
            if (name.equals(cell.getStringCellValue())) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError(name);
    }

    private JdbcClient owner() {
        return JdbcClient.create(ownerDataSource);
    }

}
