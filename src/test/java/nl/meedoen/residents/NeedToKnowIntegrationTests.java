package nl.meedoen.residents;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Need-to-know per team: a caseworker or team lead opens the own team's files and those
 * shared with the team (a referral, a team lead's share); another team's file is 404
 * everywhere, and no search or list finds it.
 */
@MeedoenIntegrationTest
class NeedToKnowIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    JdbcClient owner;

    @BeforeEach
    void setUp() {
        owner = JdbcClient.create(ownerDataSource);
    }

    @Test
    void anotherTeamsCaseworkerGetsNotFoundOnTheFileItsTabsApiAndPdf() throws Exception {
        String person = firstTeamPerson("Dicht");
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/persons/" + person).status()).isEqualTo(200);

        Api oost = Api.as(mvc, "begeleider.oost");
        assertThat(oost.get("/api/v1/persons/" + person).status()).isEqualTo(404);
        assertThat(oost.get("/api/v1/persons/" + person).body().get("status").asInt()).isEqualTo(404);
        assertThat(oost.get("/api/v1/persons/" + person + "/plan").status()).isEqualTo(404);
        assertThat(oost.put("/api/v1/persons/" + person, Api.person("Ander", "Dicht"), "\"0\"").status())
            .isEqualTo(404);
        Pages pages = Pages.as(mvc, "begeleider.oost");
        for (String tab : List.of("", "/traject", "/plan", "/verwijzingen", "/netwerk", "/plan/brief.pdf")) {
            MockHttpServletResponse page = pages.perform(get("/personen/" + person + tab));
            assertThat(page.getStatus()).as(tab).isEqualTo(404);
        }
        assertThat(pages.perform(get("/personen/" + person)).getContentAsString()).contains("Niet gevonden");
    }

    @Test
    void searchAndListsNeverShowAnotherTeamsFile() throws Exception {
        String person = firstTeamPerson("Zoekbaar");
        String bsn = owner.sql("select bsn from person where id = cast(:p as uuid)")
            .param("p", person)
            .query(String.class)
            .single();

        Api oost = Api.as(mvc, "begeleider.oost");
        assertThat(oost.post("/api/v1/persons/search", Map.of("bsn", bsn)).body().get("items")).isEmpty();
        assertThat(oost.post("/api/v1/persons/search", Map.of("q", "Zoekbaar")).body().get("items")).isEmpty();
        assertThat(oost.get("/api/v1/persons?q=Zoekbaar").body().get("totalItems").asLong()).isZero();
        Response all = oost.get("/api/v1/persons?size=100");
        assertThat(all.body().get("totalItems").asLong()).isPositive();
        assertThat(all.body().get("items").toString()).doesNotContain(person);
        String page = Pages.as(mvc, "begeleider.oost")
            .perform(post("/personen/zoeken").param("q", bsn).with(csrf()))
            .getContentAsString();
        assertThat(page).doesNotContain(person);

        assertThat(Api.as(mvc, "begeleider").post("/api/v1/persons/search", Map.of("bsn", bsn)).body().get("items"))
            .hasSize(1);
        // Every person the other team lists is its own.
        long ownTeamOnly = owner
            .sql("""
                    select count(*) from person p where p.team_id = (select team_id from app_user where username = 'begeleider.oost')""")
            .query(Long.class)
            .single();
        assertThat(all.body().get("totalItems").asLong()).isEqualTo(ownTeamOnly);
    }

    @Test
    void aTeamLeadsShareOpensTheFileAndItsRevocationClosesItAgain() throws Exception {
        String person = firstTeamPerson("Gedeeld");
        String east = teamOf("begeleider.oost");
        Api lead = Api.as(mvc, "teamleider");
        Api oost = Api.as(mvc, "begeleider.oost");

        assertThat(Api.as(mvc, "begeleider")
            .post("/api/v1/persons/" + person + "/shares", Map.of("teamId", east, "reason", "Tolk van Team Oost"))
            .status()).as("a caseworker does not share").isEqualTo(403);
        assertThat(lead.post("/api/v1/persons/" + person + "/shares", Map.of("teamId", east, "reason", " ")).status())
            .isEqualTo(400);
        Response shared = lead.post("/api/v1/persons/" + person + "/shares",
                Map.of("teamId", east, "reason", "Tolk van Team Oost helpt bij het gesprek", "endsOn", "2099-12-31"));
        assertThat(shared.status()).isEqualTo(201);
        assertThat(lead.post("/api/v1/persons/" + person + "/shares", Map.of("teamId", east, "reason", "nog eens"))
            .status()).isEqualTo(409);

        assertThat(oost.get("/api/v1/persons/" + person).status()).isEqualTo(200);
        assertThat(oost.post("/api/v1/persons/search", Map.of("q", "Gedeeld")).body().get("items")).hasSize(1);
        assertThat(oost.post("/api/v1/persons/" + person + "/shares", Map.of("teamId", east, "reason", "x")).status())
            .as("the team shared with does not share on")
            .isEqualTo(403);
        assertThat(entries(person, "SHARE")).isEqualTo(1);

        String share = shared.body().get("id").asString();
        Response revoked = lead.post("/api/v1/persons/" + person + "/shares/" + share + "/revocation", Map.of());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("active").asBoolean()).isFalse();
        assertThat(oost.get("/api/v1/persons/" + person).status()).isEqualTo(404);
        assertThat(entries(person, "SHARE_REVOKED")).isEqualTo(1);
    }

    @Test
    void anActiveReferralSentByTheTeamSharesTheFileUntilItEnds() {
        String person = firstTeamPerson("Verwezen");
        Api oost = Api.as(mvc, "begeleider.oost");
        assertThat(oost.get("/api/v1/persons/" + person).status()).isEqualTo(404);

        UUID referral = UUID.randomUUID();
        owner.sql("""
                insert into referral (id, municipality_id, person_id, provision_id, partner_id, purpose, shared_fields,
                                      legal_basis, status, status_on, sent_on, created_by)
                select :id, p.municipality_id, p.id, pr.id, pr.partner_id, 'Taalcoaching', array['NAME'],
                       'Wet inburgering 2021', 'SENT', current_date, current_date, u.id
                from person p, provision pr, app_user u
                where p.id = cast(:p as uuid) and pr.municipality_id = p.municipality_id
                  and u.username = 'begeleider.oost'
                limit 1""").param("id", referral).param("p", person).update();
        assertThat(oost.get("/api/v1/persons/" + person).status()).isEqualTo(200);

        owner.sql("update referral set status = 'WITHDRAWN' where id = :id").param("id", referral).update();
        assertThat(oost.get("/api/v1/persons/" + person).status()).isEqualTo(404);
    }

    @Test
    void aTeamLeadSeesTheOwnTeamOnly() {
        String eastPerson = owner.sql("""
                select cast(p.id as text) from person p
                where p.team_id = (select team_id from app_user where username = 'begeleider.oost')
                order by p.id limit 1""").query(String.class).single();
        assertThat(Api.as(mvc, "begeleider.oost").get("/api/v1/persons/" + eastPerson).status()).isEqualTo(200);
        assertThat(Api.as(mvc, "teamleider").get("/api/v1/persons/" + eastPerson).status()).isEqualTo(404);
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/persons/" + eastPerson).status()).isEqualTo(404);
        assertThat(Api.as(mvc, "teamleider").get("/api/v1/persons/" + firstTeamPerson("Leiding")).status())
            .isEqualTo(200);
    }

    @Test
    void aMunicipalityThatSwitchesNeedToKnowOffOpensEveryFileToEveryTeam() {
        String person = firstTeamPerson("Open");
        owner.sql("""
                insert into residents_settings (municipality_id, need_to_know)
                select id, false from municipality where code = '0610'""").update();
        try {
            assertThat(Api.as(mvc, "begeleider.oost").get("/api/v1/persons/" + person).status()).isEqualTo(200);
        }
        finally {
            owner.sql("delete from residents_settings").update();
        }
        assertThat(Api.as(mvc, "begeleider.oost").get("/api/v1/persons/" + person).status()).isEqualTo(404);
    }

    @Test
    void aBsnNeverTravelsInAnAddress() throws Exception {
        String person = firstTeamPerson("Nummer");
        String bsn = owner.sql("select bsn from person where id = cast(:p as uuid)")
            .param("p", person)
            .query(String.class)
            .single();
        Api caseworker = Api.as(mvc, "begeleider");

        Response refused = caseworker.get("/api/v1/persons?q=" + bsn);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("POST /api/v1/persons/search");
        Response found = caseworker.post("/api/v1/persons/search", Map.of("bsn", bsn));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("items").get(0).get("id").asString()).isEqualTo(person);
        assertThat(found.body().has("totalItems")).isTrue();
        assertThat(caseworker.post("/api/v1/persons/search", Map.of("bsn", "12ab")).status()).isEqualTo(400);

        Pages pages = Pages.as(mvc, "begeleider");
        assertThat(pages.perform(get("/personen").param("q", bsn)).getStatus()).isEqualTo(400);
        MockHttpServletResponse posted = pages.perform(post("/personen/zoeken").param("q", bsn).with(csrf()));
        assertThat(posted.getStatus()).isEqualTo(200);
        assertThat(posted.getContentAsString()).contains(person).contains("action=\"/personen/zoeken\"");
        assertThat(Pages.as(mvc, "privacy").perform(get("/logboek").param("q", bsn)).getStatus()).isEqualTo(400);
        assertThat(Pages.as(mvc, "privacy")
            .perform(post("/logboek/zoeken").param("q", bsn).with(csrf()))
            .getContentAsString()).contains(person);
    }

    private String firstTeamPerson(String familyName) {
        Response created = Api.as(mvc, "begeleider").post("/api/v1/persons", Api.person("Test", familyName));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private String teamOf(String username) {
        return owner.sql("select cast(team_id as text) from app_user where username = :u")
            .param("u", username)
            .query(String.class)
            .single();
    }

    private long entries(String person, String action) {
        return owner.sql("select count(*) from audit_entry where person_id = cast(:p as uuid) and action = :a")
            .param("p", person)
            .param("a", action)
            .query(Long.class)
            .single();
    }

}
