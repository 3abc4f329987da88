package nl.meedoen.residents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The person list: a caseworker's own files by default and the whole team on request, the
 * caseworker column, the filters (category, phase, arrival year, open signals), the
 * order, and paging that keeps every choice in the address.
 */
@MeedoenIntegrationTest
class PersonListIntegrationTests {

    private static final Pattern ROW = Pattern.compile("<a href=\"/personen/([0-9a-f-]{36})\">([^<]+)</a>");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Test
    void aCaseworkerSeesTheFilesTheyHoldByDefaultAndTheWholeTeamOnRequest() throws Exception {
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        String held = register("Mira", "Eigenlijst", "PERMIT_HOLDER", "2023-05-01");
        String other = register("Joost", "Eigenlijst", "PERMIT_HOLDER", "2023-05-02");
        UUID begeleider = owner.sql("select id from app_user where username = 'begeleider'").query(UUID.class).single();
        String name = owner.sql("select display_name from app_user where username = 'begeleider'")
            .query(String.class)
            .single();
        assertThat(Api.as(mvc, "begeleider")
            .put("/api/v1/persons/" + held + "/trajectory-caseworker", Map.of("userId", begeleider.toString()), null)
            .status()).isEqualTo(200);
        long mine = owner.sql("""
                select count(*) from trajectory_caseworker c join person p on p.id = c.person_id
                where c.user_id = :u and p.ended_on is null""").param("u", begeleider).query(Long.class).single();
        Pages pages = Pages.as(mvc, "begeleider");

        String byDefault = page(pages, get("/personen"));
        assertThat(byDefault).contains("id=\"dossiers-MIJN\" name=\"dossiers\" value=\"MIJN\" checked")
            .contains(mine == 1 ? "1 persoon" : mine + " personen");
        List<String> ids = ids(byDefault);
        assertThat(ids).contains(held).doesNotContain(other);
        assertThat(holders(byDefault)).isNotEmpty().allMatch(name::equals);

        String team = page(pages, get("/personen").param("dossiers", "TEAM").param("q", "eigenlijst"));
        assertThat(ids(team)).containsExactly(other, held);
        assertThat(holders(team)).containsExactly("—", name);
        assertThat(page(Pages.as(mvc, "teamleider"), get("/personen").param("q", "eigenlijst"))).contains("2 personen");
    }

    @Test
    void theListFiltersOnCategoryArrivalYearAndPhaseAndSorts() throws Exception {
        String first = register("Anna", "Filterlijst", "PERMIT_HOLDER", "2022-03-01");
        String second = register("Bilal", "Filterlijst", "FAMILY_MIGRANT", "2024-07-15");
        String third = register("Chen", "Filterlijst", "PERMIT_HOLDER", "2024-01-10");
        assertThat(Api.as(mvc, "begeleider")
            .post("/api/v1/persons/" + third + "/guidance", Map.of("startDate", "2024-02-01"))
            .status()).isEqualTo(201);
        Pages pages = Pages.as(mvc, "begeleider");

        assertThat(ids(page(pages, list().param("doelgroep", "PERMIT_HOLDER")))).containsExactly(first, third);
        assertThat(ids(page(pages, list().param("aankomstjaar", "2024")))).containsExactly(second, third);
        assertThat(ids(page(pages, list().param("fase", "GUIDANCE")))).containsExactly(third);
        assertThat(ids(page(pages, list().param("fase", "NONE")))).containsExactly(first, second);
        assertThat(ids(page(pages, list().param("doelgroep", "PERMIT_HOLDER").param("aankomstjaar", "2024"))))
            .containsExactly(third);
        assertThat(ids(page(pages, list().param("sorteer", "AANKOMST")))).containsExactly(second, third, first);
        assertThat(ids(page(pages, list().param("sorteer", "DOELGROEP")))).containsExactly(second, first, third);
        assertThat(page(pages, list().param("sorteer", "AANKOMST")))
            .contains("<th scope=\"col\" aria-sort=\"descending\">Aankomst</th>");
    }

    @Test
    void theOpenSignalsFilterListsOnlyPersonsWithAnOpenSignal() throws Exception {
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        String withSignals = page(Pages.as(mvc, "begeleider"),
                get("/personen").param("dossiers", "TEAM").param("signalen", "OPEN"));
        List<String> ids = ids(withSignals);
        assertThat(ids).isNotEmpty();
        for (String id : ids) {
            assertThat(owner.sql("""
                    select count(*) from signal where person_id = cast(:p as uuid)
                        and status in ('OPEN', 'ACKNOWLEDGED')""").param("p", id).query(Long.class).single())
                .as("open signals of %s", id)
                .isPositive();
        }
        List<String> without = ids(page(Pages.as(mvc, "begeleider"),
                get("/personen").param("dossiers", "TEAM").param("signalen", "NONE")));
        assertThat(without).isNotEmpty().doesNotContainAnyElementsOf(ids);
    }

    @Test
    void pagingKeepsEveryChoiceInTheAddress() throws Exception {
        Pages pages = Pages.as(mvc, "teamleider");
        String first = page(pages, get("/personen").param("dossiers", "TEAM").param("sorteer", "AANKOMST"));
        Matcher next = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).as("a next page").isTrue();
        String link = next.group(1).replace("&amp;", "&");
        assertThat(link).startsWith("/personen?").contains("dossiers=TEAM", "sorteer=AANKOMST", "pagina=1");

        String second = page(pages, get(link));
        assertThat(second).contains("Pagina 2 van", "<option value=\"AANKOMST\" selected=\"selected\"");
        assertThat(ids(second)).isNotEmpty().doesNotContainAnyElementsOf(ids(first));
    }

    @Test
    void anUnknownFilterValueIsAClearErrorNotAnErrorPage() throws Exception {
        Pages pages = Pages.as(mvc, "begeleider");
        MockHttpServletResponse category = pages.perform(get("/personen").param("doelgroep", "KABOUTER"));
        assertThat(category.getStatus()).isEqualTo(400);
        assertThat(category.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"error-summary\"",
                "id=\"doelgroep-error\"");
        MockHttpServletResponse phase = pages.perform(get("/personen").param("fase", "KABOUTER"));
        assertThat(phase.getStatus()).isEqualTo(400);
        assertThat(phase.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"filter-fase-error\"",
                "Kies een van de mogelijkheden.");
        MockHttpServletResponse year = pages.perform(get("/personen").param("aankomstjaar", "20245"));
        assertThat(year.getStatus()).isEqualTo(400);
        assertThat(year.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"aankomstjaar-error\"",
                "value=\"20245\"");
    }

    private static MockHttpServletRequestBuilder list() {
        return get("/personen").param("dossiers", "TEAM").param("q", "filterlijst");
    }

    private static String page(Pages pages, MockHttpServletRequestBuilder request) throws Exception {
        return pages.perform(request).getContentAsString(StandardCharsets.UTF_8);
    }

    /** The persons of the list, in order. */
    private static List<String> ids(String page) {
        String results = page.substring(page.indexOf("id=\"results\""));
        List<String> ids = new ArrayList<>();
        Matcher row = ROW.matcher(results);
        while (row.find()) {
            ids.add(row.group(1));
        }
        return ids;
    }

    /** The caseworker column, in order. */
    private static List<String> holders(String page) {
        List<String> holders = new ArrayList<>();
        Matcher cell = Pattern.compile("<td class=\"person-holder\">([^<]*)</td>").matcher(page);
        while (cell.find()) {
            holders.add(cell.group(1));
        }
        return holders;
    }

    private String register(String givenName, String familyName, String category, String arrival) {
        Map<String, Object> person = Api.person(givenName, familyName);
        person.put("category", category);
        person.put("arrivalDate", arrival);
        person.put("registrationDate", LocalDate.parse(arrival).plusDays(20).toString());
        return Api.as(mvc, "begeleider").post("/api/v1/persons", person).body().get("id").asString();
    }

}
