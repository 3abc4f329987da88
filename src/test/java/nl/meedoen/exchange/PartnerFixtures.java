package nl.meedoen.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persons referred through the API to a partner organisation of Sliedrecht: the shared
 * setup of the partner tests, each step as its user takes it.
 */
final class PartnerFixtures {

    /** Taalschool De Brug, the organisation of the demo account {@code partner}. */
    static final String LANGUAGE_SCHOOL = "4f1c8a52-6f0e-4b9a-9a51-2d7c3e0b1a01";

    record Referral(String id, String person) {
    }

    private final MockMvc mvc;

    private final DataSource owner;

    PartnerFixtures(MockMvc mvc, DataSource owner) {
        this.mvc = mvc;
        this.owner = owner;
    }

    /** A new person referred to the language school, which accepted. */
    Referral activeReferral() {
        String person = person();
        String referral = sent(person, provisionOf(LANGUAGE_SCHOOL));
        assertThat(partner().post("/api/v1/referrals/" + referral + "/transitions", Map.of("to", "ACCEPTED")).status())
            .isEqualTo(200);
        return new Referral(referral, person);
    }

    /**
     * A new person referred to the library (another organisation), which has not
     * answered.
     */
    Referral referralToAnotherOrganisation() {
        String library = owner().sql("""
                select o.id::text from partner_organisation o join municipality m on m.id = o.municipality_id
                where m.code = '0610' and o.name = 'Bibliotheek Sliedrecht'""").query(String.class).single();
        String person = person();
        return new Referral(sent(person, provisionOf(library)), person);
    }

    String person() {
        Response created = caseworker().post("/api/v1/persons", Api.person("Melding", "Partnertest"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    String provisionOf(String partnerId) {
        for (JsonNode item : caseworker().get("/api/v1/provisions").body().get("items")) {
            if (item.get("partnerId").asString().equals(partnerId)) {
                return item.get("id").asString();
            }
        }
        throw new AssertionError("no provision of " + partnerId);
    }

    String sent(String person, String provision) {
        Response drafted = caseworker().post("/api/v1/referrals",
                Map.of("personId", person, "provisionId", provision, "purpose", "Nederlands leren", "sharedFields",
                        List.of("NAME"), "consent", Map.of("givenOn", LocalDate.now().toString())));
        assertThat(drafted.status()).isEqualTo(201);
        String id = drafted.body().get("id").asString();
        assertThat(caseworker().post("/api/v1/referrals/" + id + "/sending", Map.of()).status()).isEqualTo(200);
        return id;
    }

    /** Attendance on a day: present, or absent with or without notice. */
    Response attendance(Referral referral, LocalDate day, boolean present, boolean notified) {
        return partner().post("/api/v1/partner-reports",
                present ? Map.of("referralId", referral.id(), "kind", "ATTENDANCE", "date", day.toString(), "present",
                        true)
                        : Map.of("referralId", referral.id(), "kind", "ATTENDANCE", "date", day.toString(), "present",
                                false, "notified", notified));
    }

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    Api partner() {
        return Api.as(mvc, "partner");
    }

    JdbcClient owner() {
        return JdbcClient.create(owner);
    }

}
