package nl.meedoen.referrals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared setup of the referral tests: persons, the demo provisions of two partner
 * organisations (the language school of the demo account {@code partner} and the
 * library), and a partner user of the library.
 */
final class ReferralFixtures {

    /** Taalschool De Brug, the organisation of the demo account {@code partner}. */
    static final String LANGUAGE_SCHOOL = "4f1c8a52-6f0e-4b9a-9a51-2d7c3e0b1a01";

    /**
     * A partner user of the library, the second partner organisation of the isolation
     * tests.
     */
    static final String LIBRARY_USER = "partner.bibliotheek";

    private final MockMvc mvc;

    private final JdbcClient owner;

    ReferralFixtures(MockMvc mvc, DataSource ownerDataSource, PasswordEncoder passwords) {
        this.mvc = mvc;
        this.owner = JdbcClient.create(ownerDataSource);
        owner.sql("""
                insert into app_user (id, municipality_id, username, display_name, password_hash, role, partner_id)
                select :id, o.municipality_id, :username, 'Els Kok (Bibliotheek Sliedrecht)', :hash, 'PARTNER', o.id
                from partner_organisation o join municipality m on m.id = o.municipality_id
                where m.code = '0610' and o.name = 'Bibliotheek Sliedrecht'
                on conflict (username) do nothing""")
            .param("id", UUID.randomUUID())
            .param("username", LIBRARY_USER)
            .param("hash", passwords.encode("demo"))
            .update();
    }

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    Api teamLead() {
        return Api.as(mvc, "teamleider");
    }

    Api partner() {
        return Api.as(mvc, "partner");
    }

    Api library() {
        return Api.as(mvc, LIBRARY_USER);
    }

    /** A new person with contact details. */
    String person() {
        Map<String, Object> body = new HashMap<>(Api.person("Verwijzing", "Testpersoon"));
        body.put("phone", "0612345678");
        body.put("email", "test@example.org");
        body.put("street", "Kerkbuurt");
        body.put("houseNumber", "1");
        body.put("postcode", "3361 BA");
        body.put("city", "Sliedrecht");
        Response created = caseworker().post("/api/v1/persons", body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    /** The first active provision of the partner organisation, by the directory. */
    String provisionOf(String partnerId) {
        for (JsonNode item : caseworker().get("/api/v1/provisions").body().get("items")) {
            if (item.get("partnerId").asString().equals(partnerId)) {
                return item.get("id").asString();
            }
        }
        throw new AssertionError("no provision of " + partnerId);
    }

    String libraryId() {
        return owner
            .sql("select id from partner_organisation where name = 'Bibliotheek Sliedrecht' "
                    + "and municipality_id = (select id from municipality where code = '0610')")
            .query(String.class)
            .single();
    }

    /**
     * A draft referral of the person to the provision, with consent given today, sharing
     * the given fields.
     */
    String draft(String person, String provision, List<String> fields) {
        Response created = caseworker().post("/api/v1/referrals",
                Map.of("personId", person, "provisionId", provision, "purpose", "Nederlands leren op B1-niveau",
                        "sharedFields", fields, "consent", Map.of("givenOn", java.time.LocalDate.now().toString())));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    /** A referral sent to the partner. */
    String sent(String person, String provision, List<String> fields) {
        String id = draft(person, provision, fields);
        assertThat(caseworker().post("/api/v1/referrals/" + id + "/sending", Map.of()).status()).isEqualTo(200);
        return id;
    }

    /**
     * Moves the referral's sending date back, as if it had been sent {@code days} ago.
     */
    void sentDaysAgo(String id, int days) {
        owner
            .sql("update referral set sent_on = current_date - :d, status_on = current_date - :d "
                    + "where id = cast(:id as uuid)")
            .param("d", days)
            .param("id", id)
            .update();
    }

    long auditEntries(String person, String action) {
        return owner.sql("select count(*) from audit_entry where person_id = cast(:p as uuid) and action = :a")
            .param("p", person)
            .param("a", action)
            .query(Long.class)
            .single();
    }

    /** Changes the person's phone number in the file, as a caseworker would later. */
    void changePhone(String person, String phone) {
        owner.sql("update person set phone = :phone, version = version + 1 where id = cast(:id as uuid)")
            .param("phone", phone)
            .param("id", person)
            .update();
    }

    static String transitions(String id) {
        return "/api/v1/referrals/" + id + "/transitions";
    }

}
