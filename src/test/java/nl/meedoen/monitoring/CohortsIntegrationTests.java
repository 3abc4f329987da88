package nl.meedoen.monitoring;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.monitoring.internal.Cohorts;
import nl.meedoen.monitoring.internal.Figure;
import nl.meedoen.monitoring.internal.Monitor;
import nl.meedoen.monitoring.internal.ReferenceFigures;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestClock;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cohorts by year of housing on a small hand-made municipality of its own with known
 * answers on 3 December 2026, suppressed as a policy officer sees them (the cohorts'
 * sizes with secondary suppression) and unsuppressed for a team; then the API, the page
 * and the exports on the demo data.
 */
@MeedoenIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortsIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    static final String FORMULA = "=HYPERLINK(\"http://example.org\";\"CBS\")";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cohorts cohorts;

    @Autowired
    TestClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    ReferenceFigures references;

    @Autowired
    Municipalities municipalities;

    final UUID town = UUID.randomUUID();

    final UUID team = UUID.randomUUID();

    final UUID otherTeam = UUID.randomUUID();

    int numbers;

    void sql(String sql, Object... params) {
        Map<String, Object> named = new HashMap<>();
        named.put("m", town);
        for (int i = 0; i < params.length; i += 2) {
            named.put((String) params[i], params[i + 1]);
        }
        Tenancy.runAs(town, () -> jdbc.sql(sql).params(named).update());
    }

    UUID person(UUID inTeam) {
        UUID id = UUID.randomUUID();
        numbers++;
        sql("""
                insert into person (id, municipality_id, team_id, given_names, family_name, sort_name, date_of_birth,
                    category, v_number, version, registration_date)
                values (:id, :m, :t, 'Proef', 'Persoon', 'persoon proef', date '1990-01-01', 'PERMIT_HOLDER', :v, 0,
                    date '2022-01-01')""", "id", id, "t", inTeam, "v", String.format("98%08d", numbers));
        return id;
    }

    void housed(UUID person, LocalDate key) {
        UUID placement = UUID.randomUUID();
        sql("insert into housing_placement (id, municipality_id, key_handover_date) values (:id, :m, :d)", "id",
                placement, "d", key);
        sql("insert into housing_placement_person (municipality_id, placement_id, person_id) values (:m, :id, :p)",
                "id", placement, "p", person);
    }

    void income(UUID person, String source, LocalDate from, LocalDate until) {
        sql("""
                insert into income_period (id, municipality_id, person_id, source, starts_on, ends_on)
                values (:id, :m, :p, :source, :from, :until)""", "id", UUID.randomUUID(), "p", person, "source", source,
                "from", from, "until", until);
    }

    void level(UUID person, String skill, String level, LocalDate on) {
        sql("""
                insert into language_level (id, municipality_id, person_id, skill, level, assessed_on, source)
                values (:id, :m, :p, :skill, :level, :on, 'TEST')""", "id", UUID.randomUUID(), "p", person, "skill",
                skill, "level", level, "on", on);
    }

    void allSkills(UUID person, String level, LocalDate on) {
        for (String skill : List.of("READING", "LISTENING", "WRITING", "SPEAKING")) {
            level(person, skill, level, on);
        }
    }

    /**
     * Cohort 2023: ten persons housed on 1 March 2023. Persons 1–5 work from August 2023
     * on; persons 6–10 are on social assistance from March 2023 to the end of 2024, and
     * person 6 also worked in the first half of 2024. Person 1 reached B1 on all skills
     * in January 2024; person 2 on three skills then and on speaking in August 2024;
     * person 3 was B1 on all in June 2023 but reassessed at A2 on reading in February
     * 2024. Cohort 2022: one person (of another team) housed in June 2022. Cohort 2025:
     * one person housed in September.
     */
    @BeforeAll
    void aSmallMunicipality() {
        jdbc.sql("insert into municipality (id, code, name) values (:id, '9902', 'Cohortdorp')")
            .param("id", town)
            .update();
        Tenancy.runAs(town, () -> jdbc
            .sql("insert into team (id, municipality_id, name) values (:id, :m, 'Noord'), " + "(:o, :m, 'Zuid')")
            .param("id", team)
            .param("o", otherTeam)
            .param("m", town)
            .update());
        LocalDate housed = LocalDate.of(2023, 3, 1);
        for (int i = 1; i <= 10; i++) {
            UUID person = person(team);
            housed(person, housed);
            if (i <= 5) {
                income(person, "WAGES", LocalDate.of(2023, 8, 1), null);
            }
            else {
                income(person, "SOCIAL_ASSISTANCE", housed, LocalDate.of(2024, 12, 31));
            }
            if (i == 6) {
                income(person, "WAGES", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
            }
            if (i == 1) {
                allSkills(person, "B1", LocalDate.of(2024, 1, 15));
            }
            if (i == 2) {
                allSkills(person, "B1", LocalDate.of(2024, 1, 15));
                level(person, "SPEAKING", "A2", LocalDate.of(2024, 1, 16));
                level(person, "SPEAKING", "B2", LocalDate.of(2024, 8, 1));
            }
            if (i == 3) {
                allSkills(person, "B1", LocalDate.of(2023, 6, 1));
                level(person, "READING", "A2", LocalDate.of(2024, 2, 1));
            }
        }
        housed(person(otherTeam), LocalDate.of(2022, 6, 1));
        housed(person(team), LocalDate.of(2025, 9, 1));
        Tenancy.runAs(town, () -> references.put(List.of(new ReferenceFigures.Reference("COHORT_PAID_WORK_18",
                new BigDecimal("4"), "CBS: asielcohort 2014, werk na 18 maanden", 0))));
    }

    Cohorts.Table table(Monitor.Scope scope) {
        try (TestClock.Fixed fixed = clock.fixedAt(TODAY)) {
            return Tenancy.runAs(town,
                    (java.util.function.Supplier<Cohorts.Table>) () -> cohorts.table(2022, 2026, scope));
        }
    }

    static Figure cell(Cohorts.Table table, String measure, int cohort, int months) {
        Cohorts.Cell cell = table.cell(measure, cohort, months);
        assertThat(cell).as(measure + " " + cohort + " " + months).isNotNull();
        return cell.figure();
    }

    static void share(Cohorts.Table table, String measure, int cohort, int months, long persons, String value) {
        Figure figure = cell(table, measure, cohort, months);
        assertThat(figure.persons()).as(measure + " " + cohort + " " + months + " base").isEqualTo(persons);
        assertThat(figure.value()).as(measure + " " + cohort + " " + months).isEqualByComparingTo(value);
    }

    @Test
    void eachMeasureHasItsKnownAnswerAfterEachNumberOfMonths() {
        Cohorts.Table team = table(new Monitor.Scope(this.team));
        // paid work: 5 of 10 after 6 months; person 6's job in 2024 adds one after 12
        List<String> paidWork = List.of("50.0", "60.0", "50.0", "50.0", "50.0");
        List<String> assistance = List.of("50.0", "50.0", "50.0", "0.0", "0.0");
        // B1: person 3 after 6 months; person 1 (not 3, reassessed) after 12; 1 and 2
        // from 18
        List<String> b1 = List.of("10.0", "10.0", "20.0", "20.0", "20.0");
        for (int i = 0; i < Cohorts.MONTHS.size(); i++) {
            int months = Cohorts.MONTHS.get(i);
            share(team, "PAID_WORK", 2023, months, 10, paidWork.get(i));
            share(team, "SOCIAL_ASSISTANCE", 2023, months, 10, assistance.get(i));
            share(team, "B1", 2023, months, 10, b1.get(i));
        }
        assertThat(team.sizes()).extracting(s -> s.figure().value().intValue()).containsExactly(0, 10, 0, 1, 0);
        // the other team's person of 2022 is not in this team's caseload
        Cohorts.Table all = table(Monitor.Scope.municipality());
        assertThat(all.sizes()).extracting(s -> s.figure().persons()).containsExactly(1L, 10L, 0L, 1L, 0L);
        assertThat(all.housedTotal().value()).isEqualByComparingTo("12");
        // housed in September 2025: 6 and 12 months reached, 18 not yet by anyone
        assertThat(cell(all, "PAID_WORK", 2025, 12).persons()).isEqualTo(1);
        assertThat(cell(all, "PAID_WORK", 2025, 18).persons()).isZero();
        // a cell whose months cannot have passed for anyone of the cohort is not given
        assertThat(all.cell("PAID_WORK", 2025, 24)).isNull();
        assertThat(all.cell("PAID_WORK", 2026, 6)).isNotNull();
        assertThat(all.cell("PAID_WORK", 2026, 12)).isNull();
        assertThat(cell(all, "PAID_WORK", 2023, 18).persons()).isEqualTo(10);
        assertThat(all.cell("PAID_WORK", 2023, 18).reference().value()).isEqualByComparingTo("4");
    }

    @Test
    void thePolicyOfficerSeesNoShareOrCohortThatGivesSomeoneAway() {
        Cohorts.Table table = table(Monitor.Scope.municipality());
        // 5 of 10 in work and 5 not: shown; 6 of 10 leaves 4 without: not given
        assertThat(cell(table, "PAID_WORK", 2023, 6).value()).isEqualByComparingTo("50.0");
        assertThat(cell(table, "PAID_WORK", 2023, 12).suppressed()).isTrue();
        assertThat(cell(table, "PAID_WORK", 2023, 12).value()).isNull();
        assertThat(cell(table, "SOCIAL_ASSISTANCE", 2023, 18).value()).isEqualByComparingTo("50.0");
        assertThat(cell(table, "SOCIAL_ASSISTANCE", 2023, 24).suppressed()).isTrue();
        assertThat(cell(table, "B1", 2023, 18).suppressed()).isTrue();
        assertThat(cell(table, "PAID_WORK", 2025, 6).suppressed()).isTrue();
        // the sizes 1, 0, 1 and 0 are suppressed; together they hold 2, so the total of
        // 12
        // would give them away to within 2 from the 10 of 2023: that goes too ("x")
        assertThat(table.sizes()).allMatch(size -> size.figure().suppressed());
        assertThat(table.sizes().get(1).figure().persons()).isEqualTo(10);
        assertThat(table.housedTotal().value()).isEqualByComparingTo("12");
        Cohorts.Table team = table(new Monitor.Scope(this.team));
        assertThat(cell(team, "PAID_WORK", 2023, 12).value()).isEqualByComparingTo("60.0");
        assertThat(team.sizes().get(1).figure().suppressed()).isFalse();
    }

    @Test
    void theApiAnswersTheCohortsAndRefusesBadYearsInDutch() throws Exception {
        Api.Response answer = Api.as(mvc, "beleid").get("/api/v1/cohorts?housedFrom=2019&housedTo=2025");
        assertThat(answer.status()).isEqualTo(200);
        String json = answer.raw().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"cohort\":2019", "\"monthsSinceHousing\":18", "\"measure\":\"PAID_WORK\"",
                "\"suppressed\":", "\"reference\":4", "\"housedFrom\":2019");
        assertThat(json).doesNotContain("\"cohort\":2018");
        for (String bad : List.of("housedFrom=2025&housedTo=2019", "housedFrom=19&housedTo=2025",
                "housedFrom=1990&housedTo=2025", "housedFrom=2019&housedTo=2100")) {
            Api.Response refused = Api.as(mvc, "beleid").get("/api/v1/cohorts?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.raw().getContentAsString(StandardCharsets.UTF_8)).as(bad).containsPattern("jaar|jaren");
        }
        assertThat(Api.as(mvc, "teamleider").get("/api/v1/cohorts").status()).isEqualTo(200);
        assertThat(Api.as(mvc, "beheerder").get("/api/v1/cohorts").status()).isEqualTo(200);
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/cohorts").status()).isEqualTo(403);
    }

    @Test
    void thePageShowsTheChartsTablesAndReference() throws Exception {
        Pages pages = Pages.as(mvc, "beleid");
        MockHttpServletResponse page = pages.perform(MockMvcRequestBuilders.get("/monitor/cohorten?van=2019&tot=2025"));
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Cohorten naar jaar van huisvesting 2019–2025", "<svg", "data-chart=\"PAID_WORK\"",
                "data-table=\"SOCIAL_ASSISTANCE\"", "data-table=\"B1\"", "Betaald werk na 18 maanden",
                "werk na 18 maanden", "Afscherming van kleine aantallen");
        assertThat(pages.perform(MockMvcRequestBuilders.get("/monitor/cohorten?van=2025&tot=2019")).getStatus())
            .isEqualTo(400);
    }

    void aFormulaAsSource() {
        Tenancy.runAs(municipalities.byCode("0610").orElseThrow().id(), () -> references
            .put(List.of(new ReferenceFigures.Reference("COHORT_B1_12", BigDecimal.TEN, FORMULA, 0))));
    }

    @Test
    void theCsvExportWritesFormulaLookingTextAsText() throws Exception {
        aFormulaAsSource();
        Api.Response csv = Api.as(mvc, "beleid")
            .perform(MockMvcRequestBuilders.get("/api/v1/cohorts/export?housedFrom=2020&housedTo=2024&format=csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = csv.raw().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("Cohort;Maatstaf;Maanden na huisvesting", "B1-niveau")
            .contains("'" + FORMULA.replace("\"", "\"\""));
        assertThat(text).doesNotContain(";" + FORMULA);
    }

    @Test
    void theXlsxExportMarksFormulaLookingTextAsText() throws Exception {
        aFormulaAsSource();
        Api.Response xlsx = Api.as(mvc, "beleid")
            .perform(MockMvcRequestBuilders.get("/api/v1/cohorts/export?housedFrom=2020&housedTo=2024&format=xlsx"));
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.raw().getContentAsByteArray()))) {
            boolean found = false;
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING && FORMULA.equals(cell.getStringCellValue())) {
                        assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
                        found = true;
                    }
                }
            }
            assertThat(found).isTrue();
        }
    }

}
