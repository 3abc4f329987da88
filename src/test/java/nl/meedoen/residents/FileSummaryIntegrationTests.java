package nl.meedoen.residents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.DemoAddresses;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.HtmlUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The file that summarises itself: the header on every tab with the parts of the modules
 * that hold something for the person (and none on a bare file), the tabs with
 * {@code aria-current}, and the print view of the whole file, logged as printed.
 */
@MeedoenIntegrationTest
class FileSummaryIntegrationTests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private static final List<String> TABS = List.of("", "/traject", "/plan", "/verwijzingen", "/netwerk", "/delen");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Test
    void theHeaderOfAFileWithACaseworkerPlanReferralAndSignalShowsEachOnEveryTab() throws Exception {
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        String person = DemoAddresses.any(owner, """
                select p.id from person p join municipality m on m.id = p.municipality_id
                where m.code = '0610' and p.ended_on is null and\s""" + DemoAddresses.FIRST_TEAM + """
                 and exists (select 1 from trajectory_caseworker c where c.person_id = p.id)
                 and exists (select 1 from plan pl where pl.person_id = p.id)
                 and exists (select 1 from referral r where r.person_id = p.id
                     and r.status in ('DRAFT', 'SENT', 'ACCEPTED', 'STARTED'))
                 and exists (select 1 from signal s where s.person_id = p.id and s.status in ('OPEN', 'ACKNOWLEDGED'))
                order by p.id""");
        String caseworker = owner.sql("""
                select u.display_name from trajectory_caseworker c join app_user u on u.id = c.user_id
                where c.person_id = cast(:p as uuid)""").param("p", person).query(String.class).single();
        long referrals = count(owner, "referral", person, "status in ('DRAFT', 'SENT', 'ACCEPTED', 'STARTED')");
        long signals = count(owner, "signal", person, "status in ('OPEN', 'ACKNOWLEDGED')");
        Pages pages = Pages.as(mvc, "begeleider");

        for (String tab : TABS) {
            String header = header(pages.perform(get("/personen/" + person + tab)));
            assertThat(header).as("header on tab '%s'", tab)
                .contains("Trajectbegeleider", caseworker)
                .contains("href=\"/personen/" + person + "/plan\"", "Volgend voortgangsgesprek")
                .contains("Open verwijzingen", referrals + (referrals == 1 ? " verwijzing" : " verwijzingen"))
                .contains("Open signalen", signals + (signals == 1 ? " signaal" : " signalen"))
                .contains("Statushouder", "href=\"/personen/" + person + "/afdrukken\"");
        }
        assertThat(entries(person, "TRAJECTORY_READ")).isPositive();
        assertThat(entries(person, "PLAN_READ")).isPositive();
        assertThat(entries(person, "REFERRAL_READ")).isPositive();
        assertThat(entries(person, "SIGNAL_READ")).isPositive();
    }

    @Test
    void theHeaderShowsTheTrajectoryPhaseGuidanceUntilAndThePipDue() throws Exception {
        String person = register("Samira", "Fasekop");
        LocalDate start = LocalDate.now().minusMonths(1);
        Api api = Api.as(mvc, "begeleider");
        var guidance = api.post("/api/v1/persons/" + person + "/guidance", Map.of("startDate", start.toString()));
        assertThat(guidance.status()).isEqualTo(201);
        LocalDate notice = LocalDate.now().minusWeeks(2);
        assertThat(api
            .put("/api/v1/persons/" + person + "/integration-duty", Map.of("regime", "WI2021", "duoNoticeDate",
                    notice.toString(), "brpRegistrationDate", notice.minusWeeks(1).toString()), null)
            .status()).isEqualTo(200);
        var duty = api.get("/api/v1/persons/" + person + "/integration-duty").body();
        LocalDate end = LocalDate.parse(guidance.body().get("endDate").asString());
        LocalDate due = LocalDate.parse(duty.get("planDueDate").asString());

        String header = header(Pages.as(mvc, "begeleider").perform(get("/personen/" + person + "/plan")));

        assertThat(header).contains("Maatschappelijke begeleiding", "loopt tot " + DAY.format(end))
            .contains("PIP", "uiterlijk " + DAY.format(due) + " vaststellen")
            .contains("Volgende termijn")
            .doesNotContain("Trajectbegeleider", "Open verwijzingen", "Open signalen");
    }

    @Test
    void aBareFileHasAHeaderWithOnlyItsOwnFactsAndLogsNoOtherModulesRead() throws Exception {
        String person = register("Bram", "Kaalbestand");

        String header = header(Pages.as(mvc, "begeleider").perform(get("/personen/" + person)));

        assertThat(header).contains("Doelgroep", "Statushouder", "Team")
            .doesNotContain("Trajectbegeleider", "Maatschappelijke begeleiding", "PIP", "Volgende termijn",
                    "Volgend voortgangsgesprek", "Open verwijzingen", "Open signalen");
        assertThat(entries(person, "READ")).isEqualTo(1);
        assertThat(entries(person, "TRAJECTORY_READ")).isZero();
        assertThat(entries(person, "PLAN_READ")).isZero();
    }

    @Test
    void everyTabMarksItselfAndOnlyItselfAsTheCurrentPage() throws Exception {
        String person = register("Tess", "Tabblad");
        Pages pages = Pages.as(mvc, "begeleider");
        List<String> labels = List.of("Dossier", "Traject", "Plan", "Verwijzingen", "Netwerk", "Delen");
        for (int i = 0; i < TABS.size(); i++) {
            String page = pages.perform(get("/personen/" + person + TABS.get(i)))
                .getContentAsString(StandardCharsets.UTF_8);
            String nav = page.substring(page.indexOf("<nav class=\"file-tabs\""));
            nav = nav.substring(0, nav.indexOf("</nav>"));
            assertThat(nav).contains("aria-label=\"Onderdelen van het dossier\"");
            Matcher current = Pattern.compile("<a [^>]*aria-current=\"page\"[^>]*>([^<]+)</a>").matcher(nav);
            assertThat(current.find()).as("a current tab on %s", TABS.get(i)).isTrue();
            assertThat(current.group(1)).isEqualTo(labels.get(i));
            assertThat(current.find()).as("one current tab on %s", TABS.get(i)).isFalse();
        }
        String subPage = pages.perform(get("/personen/" + person + "/traject/intake"))
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(subPage).containsPattern("<a [^>]*aria-current=\"page\"[^>]*>Traject</a>");
    }

    @Test
    void thePrintViewShowsEverySectionUnderTheMunicipalityAndDateAndIsLoggedAsPrinted() throws Exception {
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        String person = DemoAddresses.any(owner, """
                select p.id from person p join municipality m on m.id = p.municipality_id
                where m.code = '0610' and p.ended_on is null and\s""" + DemoAddresses.FIRST_TEAM + """
                 and exists (select 1 from plan pl where pl.person_id = p.id)
                 and exists (select 1 from referral r where r.person_id = p.id)
                 and exists (select 1 from household_member h where h.person_id = p.id)
                order by p.id""");
        String goal = owner.sql("""
                select g.description from plan_goal g join plan_version v on v.id = g.version_id
                join plan pl on pl.id = v.plan_id where pl.person_id = cast(:p as uuid)
                order by v.number desc, g.position limit 1""").param("p", person).query(String.class).single();
        long before = entries(person, "FILE_PRINTED");

        MockHttpServletResponse print = Pages.as(mvc, "begeleider").perform(get("/personen/" + person + "/afdrukken"));

        assertThat(print.getStatus()).isEqualTo(200);
        String page = print.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Gemeente Sliedrecht, afgedrukt op " + DAY.format(LocalDate.now()))
            .contains("<h2 id=\"print-summary\">Samenvatting</h2>", ">Persoonsgegevens</h2>",
                    ">Herkomst, taal en aankomst</h2>", ">Contact en adres</h2>", ">Huishouden</h2>", ">Traject</h2>",
                    ">Plan</h2>", ">Verwijzingen</h2>", ">Netwerk</h2>")
            // as the page writes it: a goal like "Diploma's laten waarderen" is escaped
            .contains(HtmlUtils.htmlEscape(goal))
            .contains("data-print");
        assertThat(entries(person, "FILE_PRINTED")).isEqualTo(before + 1);
        assertThat(entries(person, "PLAN_READ")).isPositive();
        assertThat(entries(person, "REFERRAL_READ")).isPositive();
    }

    private static long count(JdbcClient owner, String table, String person, String condition) {
        return owner.sql("select count(*) from " + table + " where person_id = cast(:p as uuid) and " + condition)
            .param("p", person)
            .query(Long.class)
            .single();
    }

    /** The file header's section of a page. */
    private static String header(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        int start = page.indexOf("<section class=\"file-header\"");
        assertThat(start).as("the page has the file header").isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private String register(String givenName, String familyName) {
        return Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person(givenName, familyName))
            .body()
            .get("id")
            .asString();
    }

    private long entries(String person, String action) {
        return Api.as(mvc, "privacy")
            .get("/api/v1/audit/persons/" + person + "?size=500")
            .body()
            .get("items")
            .findValuesAsString("action")
            .stream()
            .filter(action::equals)
            .count();
    }

}
