package nl.meedoen.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * My buddy and the provisions in my languages: the buddy by first name with only the
 * contact the volunteer agreed to share (as the coordinator records it), a plain sentence
 * without a buddy, and the directory filtered by the resident's languages.
 */
@MeedoenIntegrationTest
class MyHelpIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    private JdbcClient owner() {
        return JdbcClient.create(ownerDataSource);
    }

    private UUID residentPerson() {
        return owner().sql("""
                select r.person_id from resident_account r join app_user u on u.id = r.account_id
                where u.username = 'inwoner'""").query(UUID.class).single();
    }

    private Map<String, Object> volunteer() {
        return owner().sql("""
                select v.id, v.given_name, v.family_name, v.phone, v.email from buddy_match b
                join volunteer v on v.id = b.volunteer_id where b.person_id = :p and b.status = 'ACTIVE' limit 1""")
            .param("p", residentPerson())
            .query()
            .singleRow();
    }

    @Test
    void theBuddyShowsTheFirstNameAndOnlyTheContactTheVolunteerAgreedToShare() throws Exception {
        Map<String, Object> volunteer = volunteer();
        String firstName = ((String) volunteer.get("given_name")).split(" ")[0];
        String familyName = (String) volunteer.get("family_name");
        String path = "/api/v1/volunteers/" + volunteer.get("id");
        Api coordinator = Api.as(mvc, "coordinator");

        JsonNode shared = Api.as(mvc, "inwoner").get("/api/v1/my/buddy").body().get("buddy");
        assertThat(shared.get("firstName").asString()).isEqualTo(firstName);
        assertThat(shared.get("phone").asString()).isEqualTo(volunteer.get("phone"));
        assertThat(shared.get("email").asString()).isEqualTo(volunteer.get("email"));
        assertThat(shared.toString()).doesNotContain(familyName);

        try {
            assertThat(coordinator.put(path + "/contact-sharing", Map.of("phone", true, "email", false), null).status())
                .isEqualTo(428);
            Api.Response onlyPhone = coordinator.put(path + "/contact-sharing", Map.of("phone", true, "email", false),
                    coordinator.etag(path));
            assertThat(onlyPhone.status()).isEqualTo(200);
            JsonNode phoneOnly = Api.as(mvc, "inwoner").get("/api/v1/my/buddy").body().get("buddy");
            assertThat(phoneOnly.get("phone").asString()).isEqualTo(volunteer.get("phone"));
            assertThat(phoneOnly.get("email").isNull()).isTrue();

            Pages pages = Pages.as(mvc, "coordinator");
            MockHttpServletResponse none = pages
                .perform(MockMvcRequestBuilders.post("/netwerk/vrijwilligers/" + volunteer.get("id") + "/contact-delen")
                    .param("version", coordinator.etag(path).replace("\"", ""))
                    .with(csrf()));
            assertThat(none.getRedirectedUrl()).isEqualTo("/netwerk/vrijwilligers/" + volunteer.get("id"));
            JsonNode nothing = Api.as(mvc, "inwoner").get("/api/v1/my/buddy").body().get("buddy");
            assertThat(nothing.get("firstName").asString()).isEqualTo(firstName);
            assertThat(nothing.get("phone").isNull()).isTrue();
            assertThat(nothing.get("email").isNull()).isTrue();
            String page = Pages.as(mvc, "inwoner")
                .perform(MockMvcRequestBuilders.get("/mijn/maatje"))
                .getContentAsString();
            assertThat(page).contains(firstName, "deelt geen telefoon of e-mail")
                .doesNotContain(familyName)
                .doesNotContain((String) volunteer.get("phone"));
        }
        finally {
            coordinator.put(path + "/contact-sharing", Map.of("phone", true, "email", true), coordinator.etag(path));
        }
        String page = Pages.as(mvc, "inwoner").perform(MockMvcRequestBuilders.get("/mijn/maatje")).getContentAsString();
        assertThat(page).contains(firstName, "tel:" + volunteer.get("phone"), (String) volunteer.get("email"));
    }

    @Test
    void aNewVolunteerSharesNothingUntilTheCoordinatorRecordsIt() {
        assertThat(owner().sql("""
                select count(*) from volunteer where (shares_phone or shares_email) and id <> :v""")
            .param("v", volunteer().get("id"))
            .query(Long.class)
            .single()).isZero();
        assertThat(Api.as(mvc, "inwoner")
            .put("/api/v1/volunteers/" + volunteer().get("id") + "/contact-sharing",
                    Map.of("phone", true, "email", true), "\"0\"")
            .status()).isEqualTo(403);
    }

    @Test
    void withoutABuddyThePageSaysSoInAPlainSentence() throws Exception {
        UUID person = residentPerson();
        List<UUID> active = owner().sql("select id from buddy_match where person_id = :p and status = 'ACTIVE'")
            .param("p", person)
            .query(UUID.class)
            .list();
        owner().sql("""
                update buddy_match set status = 'ENDED', ended_on = current_date, end_reason = 'Test'
                where id in (:ids)""").param("ids", active).update();
        try {
            assertThat(Api.as(mvc, "inwoner").get("/api/v1/my/buddy").body().get("buddy").isNull()).isTrue();
            String page = Pages.as(mvc, "inwoner")
                .perform(MockMvcRequestBuilders.get("/mijn/maatje"))
                .getContentAsString();
            assertThat(page).contains("U hebt nu geen maatje.");
        }
        finally {
            owner().sql("""
                    update buddy_match set status = 'ACTIVE', ended_on = null, end_reason = null
                    where id in (:ids)""").param("ids", active).update();
        }
    }

    @Test
    void theProvisionsAreThoseOfferedInTheResidentsLanguages() throws Exception {
        UUID person = residentPerson();
        String[] languages = owner().sql("select array_to_string(languages, ',') from person where id = :p")
            .param("p", person)
            .query(String.class)
            .single()
            .split(",");
        owner().sql("update person set languages = '{so}' where id = :p").param("p", person).update();
        try {
            Api.Response answer = Api.as(mvc, "inwoner").get("/api/v1/my/provisions");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("languages").get(0).asString()).isEqualTo("Somalisch");
            List<String> names = new ArrayList<>();
            answer.body().get("items").forEach(item -> {
                names.add(item.get("name").asString());
                List<String> offered = new ArrayList<>();
                item.get("languages").forEach(l -> offered.add(l.asString()));
                assertThat(offered).contains("Somalisch");
            });
            List<String> inSomali = owner().sql("""
                    select name from provision where active and 'so' = any(languages)
                    and municipality_id = (select municipality_id from person where id = :p)""")
                .param("p", person)
                .query(String.class)
                .list();
            assertThat(names).isNotEmpty().containsExactlyInAnyOrderElementsOf(inSomali);
            String page = Pages.as(mvc, "inwoner")
                .perform(MockMvcRequestBuilders.get("/mijn/voorzieningen"))
                .getContentAsString();
            assertThat(page).contains("Somalisch", names.get(0));

            owner().sql("update person set languages = '{}' where id = :p").param("p", person).update();
            assertThat(Api.as(mvc, "inwoner").get("/api/v1/my/provisions").body().get("items").isEmpty()).isTrue();
            assertThat(Pages.as(mvc, "inwoner")
                .perform(MockMvcRequestBuilders.get("/mijn/voorzieningen"))
                .getContentAsString()).contains("Wij weten nog niet welke talen u spreekt.");
        }
        finally {
            owner().sql("update person set languages = string_to_array(:l, ',') where id = :p")
                .param("l", String.join(",", languages))
                .param("p", person)
                .update();
        }
    }

}
