package nl.meedoen.work;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Notifications inside the product: a partner's response reaches the caseworker who made
 * the referral, on the start page and on the notifications page, marked read when opened,
 * and seen by no one else; the start page's counts agree with the data.
 */
@MeedoenIntegrationTest
class WorkNotificationsIntegrationTests {

    /** Taalschool De Brug, the organisation of the demo account {@code partner}. */
    private static final String LANGUAGE_SCHOOL = "4f1c8a52-6f0e-4b9a-9a51-2d7c3e0b1a01";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Test
    void aPartnersAcceptanceReachesTheCaseworkerAsANotificationMarkedReadWhenOpened() throws Exception {
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        UUID caseworker = userId(owner, "begeleider");
        String referral = sentReferral();
        long before = unread(owner, caseworker);

        assertThat(Api.as(mvc, "partner")
            .post("/api/v1/referrals/" + referral + "/transitions", Map.of("to", "ACCEPTED"))
            .status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> unread(owner, caseworker) == before + 1);
        UUID notification = owner
            .sql("select id from notification where recipient_id = :u and link = :link and read_at is null")
            .param("u", caseworker)
            .param("link", "/verwijzingen/" + referral)
            .query(UUID.class)
            .single();
        String day = LocalDate.now().getDayOfMonth() + "-" + LocalDate.now().getMonthValue() + "-"
                + LocalDate.now().getYear();
        Pages pages = Pages.as(mvc, "begeleider");
        String start = text(pages.perform(get("/")));
        assertThat(start).contains("Een partner heeft uw verwijzing geaccepteerd op " + day + ".")
            .contains("/notificaties/" + notification)
            .contains(before + 1 + "</span>")
            .doesNotContain("Verwijzing Testpersoon");
        assertThat(text(pages.perform(get("/notificaties")))).contains("/notificaties/" + notification);

        assertThat(Pages.as(mvc, "teamleider").perform(get("/notificaties/" + notification)).getStatus())
            .isEqualTo(404);
        assertThat(Pages.as(mvc, "begeleider.dordrecht").perform(get("/notificaties/" + notification)).getStatus())
            .isEqualTo(404);
        assertThat(unread(owner, caseworker)).isEqualTo(before + 1);

        MockHttpServletResponse opened = pages.perform(get("/notificaties/" + notification));
        assertThat(opened.getStatus()).isEqualTo(302);
        assertThat(opened.getRedirectedUrl()).isEqualTo("/verwijzingen/" + referral);
        assertThat(unread(owner, caseworker)).isEqualTo(before);

        pages.perform(post("/notificaties/gelezen").with(csrf()));
        assertThat(unread(owner, caseworker)).isZero();
    }

    @Test
    void theStartPageCountsTheCaseworkersOpenSignalsAndShowsThemAsABadge() throws Exception {
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        long open = owner.sql("""
                select count(*) from signal s join app_user u on u.id = s.owner_user_id
                where u.username = 'begeleider' and s.status in ('OPEN', 'ACKNOWLEDGED')
                    and (s.snoozed_until is null or s.snoozed_until <= current_date)""").query(Long.class).single();
        Pages pages = Pages.as(mvc, "begeleider");

        String start = text(pages.perform(get("/")));
        assertThat(start).contains("<h2>Mijn werk</h2>")
            .contains("<span class=\"work-count__number\">" + open + "</span>");
        String persons = text(pages.perform(get("/personen")));
        if (open > 0) {
            assertThat(persons).contains(", " + open + " wachten op u");
        }
        assertThat(text(Pages.as(mvc, "teamleider").perform(get("/")))).contains("<h2>Het team</h2>");
        assertThat(text(Pages.as(mvc, "beheerder").perform(get("/")))).doesNotContain("open signalen");
    }

    @Test
    void anotherVisitWithinTheHourKeepsThePreviousVisit() throws Exception {
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        UUID user = userId(owner, "begeleider.oost");
        Pages pages = Pages.as(mvc, "begeleider.oost");
        pages.perform(get("/"));
        owner.sql("update start_page_visit set last_visit = now() - interval '2 hours' where user_id = :u")
            .param("u", user)
            .update();
        pages.perform(get("/"));
        String previous = owner.sql("select previous_visit::text from start_page_visit where user_id = :u")
            .param("u", user)
            .query(String.class)
            .single();
        assertThat(previous).isNotNull();
        pages.perform(get("/"));
        assertThat(owner.sql("select previous_visit::text from start_page_visit where user_id = :u")
            .param("u", user)
            .query(String.class)
            .single()).isEqualTo(previous);
        assertThat(text(pages.perform(get("/")))).contains("telt vanaf");
    }

    private String sentReferral() {
        Api caseworker = Api.as(mvc, "begeleider");
        Response person = caseworker.post("/api/v1/persons", Api.person("Verwijzing", "Testpersoon"));
        assertThat(person.status()).isEqualTo(201);
        String provision = null;
        for (JsonNode item : caseworker.get("/api/v1/provisions").body().get("items")) {
            if (item.get("partnerId").asString().equals(LANGUAGE_SCHOOL)) {
                provision = item.get("id").asString();
                break;
            }
        }
        assertThat(provision).isNotNull();
        Response created = caseworker.post("/api/v1/referrals",
                Map.of("personId", person.body().get("id").asString(), "provisionId", provision, "purpose",
                        "Nederlands leren", "sharedFields", List.of("NAME"), "consent",
                        Map.of("givenOn", LocalDate.now().toString())));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(caseworker.post("/api/v1/referrals/" + id + "/sending", Map.of()).status()).isEqualTo(200);
        return id;
    }

    private static UUID userId(JdbcClient owner, String username) {
        return owner.sql("select id from app_user where username = :u").param("u", username).query(UUID.class).single();
    }

    private static long unread(JdbcClient owner, UUID user) {
        return owner.sql("select count(*) from notification where recipient_id = :u and read_at is null")
            .param("u", user)
            .query(Long.class)
            .single();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

}
