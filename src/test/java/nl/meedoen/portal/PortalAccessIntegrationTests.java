package nl.meedoen.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.support.Api;
import nl.meedoen.support.DemoAddresses;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident's access: the demo resident {@code inwoner} is linked to one Sliedrecht
 * permit holder and sees that file's overview, logged as the data subject's own access;
 * every handler of every module that shows person data refuses the resident, by any id
 * (another person's, the resident's own, a random one); staff do not reach the portal.
 */
@MeedoenIntegrationTest
class PortalAccessIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private JdbcClient owner() {
        return JdbcClient.create(ownerDataSource);
    }

    private UUID residentPerson() {
        return owner().sql("""
                select r.person_id from resident_account r join app_user u on u.id = r.account_id
                where u.username = 'inwoner' and u.role = 'RESIDENT'""").query(UUID.class).single();
    }

    @Test
    void theDemoResidentIsLinkedToASliedrechtPermitHolderWithPlanReferralBuddyAndAppointment() {
        UUID person = residentPerson();
        JdbcClient owner = owner();
        assertThat(owner.sql("""
                select m.code from person p join municipality m on m.id = p.municipality_id where p.id = :p""")
            .param("p", person)
            .query(String.class)
            .single()).isEqualTo("0610");
        assertThat(count(owner, "select count(*) from plan where person_id = :p", person)).isEqualTo(1);
        assertThat(count(owner, "select count(*) from referral where person_id = :p and consent_given_on is not null",
                person))
            .isPositive();
        assertThat(count(owner, "select count(*) from buddy_match where person_id = :p and status = 'ACTIVE'", person))
            .isPositive();
        assertThat(count(owner,
                "select count(*) from intake_appointment where person_id = :p and outcome = 'SCHEDULED'", person))
            .isPositive();
    }

    @Test
    void theResidentSeesTheOwnOverviewLoggedAsTheirOwnAccess() {
        UUID person = residentPerson();
        String givenName = owner().sql("select given_names from person where id = :p")
            .param("p", person)
            .query(String.class)
            .single();
        long before = ownReads(person);
        Api.Response answer = Api.as(mvc, "inwoner").get("/api/v1/my/overview");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.get("person").get("givenName").asString()).isEqualTo(givenName);
        assertThat(body.get("caseworker").get("role").asString()).isEqualTo("Begeleider");
        assertThat(body.get("caseworker").get("team").asString()).isNotBlank();
        assertThat(body.get("caseworker").get("contact").asString()).contains("Mijn Meedoen");
        List<String> kinds = new ArrayList<>();
        body.get("upcoming").forEach(item -> {
            kinds.add(item.get("kind").asString());
            assertThat(item.get("explanation").asString()).isNotBlank();
        });
        assertThat(kinds).contains("INTAKE_APPOINTMENT");
        assertThat(ownReads(person)).isEqualTo(before + 1);
        assertThat(owner().sql("""
                select purpose from audit_entry where person_id = :p and actor = 'inwoner'
                order by at desc limit 1""").param("p", person).query(String.class).single())
            .contains("betrokkene zelf");

        Api.Response english = Api.as(mvc, "inwoner").getIn("/api/v1/my/overview", "en");
        assertThat(english.body().get("caseworker").get("role").asString()).isEqualTo("Caseworker");
    }

    @Test
    void theOverviewPageIsInTheChosenLanguageRightToLeftForArabic() throws Exception {
        Pages resident = Pages.as(mvc, "inwoner");
        MockHttpServletResponse dutch = resident.perform(MockMvcRequestBuilders.get("/mijn"));
        assertThat(dutch.getStatus()).isEqualTo(200);
        assertThat(dutch.getContentAsString()).contains("lang=\"nl\"", "dir=\"ltr\"", "Wat komt er?");

        MockHttpServletResponse chosen = resident
            .perform(MockMvcRequestBuilders.get("/mijn/taal").param("code", "ar").param("terug", "/mijn"));
        assertThat(chosen.getRedirectedUrl()).isEqualTo("/mijn");
        Cookie language = chosen.getCookie("meedoen-mijn-taal");
        assertThat(language).isNotNull();
        MockHttpServletResponse arabic = resident
            .perform(MockMvcRequestBuilders.get("/mijn").cookie(new Cookie("meedoen-mijn-taal", language.getValue())));
        assertThat(arabic.getContentAsString()).contains("lang=\"ar\"", "dir=\"rtl\"", "ما القادم؟");

        MockHttpServletResponse elsewhere = resident.perform(
                MockMvcRequestBuilders.get("/mijn/taal").param("code", "tr").param("terug", "https://example.org/"));
        assertThat(elsewhere.getRedirectedUrl()).isEqualTo("/mijn");
    }

    @Test
    void aResidentLandsOnMijnMeedoenAndTheStaffCannotReachIt() throws Exception {
        MockHttpServletResponse login = mvc
            .perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                .formLogin("/inloggen")
                .user("inwoner")
                .password("demo"))
            .andReturn()
            .getResponse();
        assertThat(login.getRedirectedUrl()).isEqualTo("/mijn");
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/my/overview").status()).isEqualTo(403);
        assertThat(Pages.as(mvc, "begeleider").perform(MockMvcRequestBuilders.get("/mijn")).getForwardedUrl())
            .isEqualTo("/geen-toegang");
        assertThat(Api.as(mvc, "inwoner").get("/api/v1/me").status()).isEqualTo(403);
        assertThat(Pages.as(mvc, "inwoner").perform(MockMvcRequestBuilders.get("/")).getForwardedUrl())
            .isEqualTo("/geen-toegang");
    }

    @Test
    void anAdministratorCannotMakeAResidentsAccount() {
        Api.Response answer = Api.as(mvc, "beheerder")
            .post("/api/v1/accounts",
                    Map.of("username", "nep.inwoner", "displayName", "Nep Inwoner", "role", "RESIDENT"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("activeringsbrief");
    }

    /**
     * Isolation: every handler of every module that shows person data, called as the
     * resident with the demo address (other persons' records), the resident's own person
     * id and a random id in every path variable: all refused, apart from the portal's
     * own.
     */
    @Test
    void theResidentIsRefusedEveryHandlerThatShowsPersonDataByAnyId() throws Exception {
        Map<String, String> addresses = DemoAddresses.of(mvc, ownerDataSource);
        String own = residentPerson().toString();
        Pages pages = Pages.as(mvc, "inwoner");
        List<String> open = new ArrayList<>();
        int called = 0;
        for (var mapped : mapping.getHandlerMethods().entrySet()) {
            if (!mapped.getValue().hasMethodAnnotation(ShowsPersonData.class)
                    || !mapped.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : mapped.getKey().getPatternValues()) {
                if (pattern.equals("/mijn") || pattern.startsWith("/mijn/") || pattern.startsWith("/api/v1/my/")) {
                    continue;
                }
                List<String> tried = new ArrayList<>();
                tried.add(pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()));
                tried.add(pattern.replaceAll("\\{[^}]+}", own));
                if (addresses.containsKey(pattern)) {
                    tried.add(addresses.get(pattern));
                }
                for (String address : tried) {
                    MockHttpServletResponse answer = pattern.startsWith("/api/")
                            ? Api.as(mvc, "inwoner").perform(MockMvcRequestBuilders.get(address)).raw()
                            : pages.perform(MockMvcRequestBuilders.get(address));
                    called++;
                    boolean refused = answer.getStatus() == 403 || answer.getStatus() == 404
                            || "/geen-toegang".equals(answer.getForwardedUrl());
                    if (!refused) {
                        open.add(address + " → " + answer.getStatus());
                    }
                }
            }
        }
        assertThat(called).isGreaterThan(100);
        assertThat(open).as("handlers that show person data open to a resident").isEmpty();
    }

    /**
     * Who looked at my file: the caseworker's read of the file appears first, by role and
     * team (never the caseworker's name), with the purpose the processing log holds; the
     * resident's own portal reads are not listed; the page says it in words.
     */
    @Test
    void theAccessLogInWordsMatchesTheProcessingLog() throws Exception {
        UUID person = residentPerson();
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/persons/" + person).status()).isEqualTo(200);
        JdbcClient owner = owner();
        String purpose = owner.sql("""
                select purpose from audit_entry where person_id = :p and actor = 'begeleider'
                order by seq desc limit 1""").param("p", person).query(String.class).single();
        String team = owner.sql("""
                select t.name from app_user u join team t on t.id = u.team_id where u.username = 'begeleider'""")
            .query(String.class)
            .single();
        String name = owner.sql("select display_name from app_user where username = 'begeleider'")
            .query(String.class)
            .single();

        Api.Response answer = Api.as(mvc, "inwoner").get("/api/v1/my/access-log");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode first = answer.body().get("items").get(0);
        assertThat(first.get("role").asString()).isEqualTo("Begeleider");
        assertThat(first.get("team").asString()).isEqualTo(team);
        assertThat(first.get("action").asString()).isEqualTo("bekeek uw gegevens");
        assertThat(first.get("purpose").asString()).isEqualTo(purpose);
        assertThat(first.get("at").asString()).isNotBlank();
        answer.body().get("items").forEach(item -> assertThat(item.get("role").asString()).isNotEqualTo(name));
        long listed = answer.body().get("items").size();
        long inLog = owner.sql("select count(*) from audit_entry where person_id = :p and action <> 'PORTAL_READ'")
            .param("p", person)
            .query(Long.class)
            .single();
        assertThat(listed).isEqualTo(Math.min(inLog, 200));

        MockHttpServletResponse page = Pages.as(mvc, "inwoner").perform(MockMvcRequestBuilders.get("/mijn/inzage"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Begeleider van " + team + " bekeek uw gegevens op")
            .contains("voor: " + purpose)
            .doesNotContain(name);
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/my/access-log").status()).isEqualTo(403);
    }

    private long ownReads(UUID person) {
        return owner().sql("""
                select count(*) from audit_entry where person_id = :p and actor = 'inwoner'
                and actor_role = 'RESIDENT' and action = 'PORTAL_READ'""")
            .param("p", person)
            .query(Long.class)
            .single();
    }

    private static long count(JdbcClient owner, String sql, UUID person) {
        return owner.sql(sql).param("p", person).query(Long.class).single();
    }

}
