package nl.meedoen.trajectories;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The warm handover when a person moves from Sliedrecht to Dordrecht within one
 * installation: the receiving team accepts, the file then lives only in Dordrecht with
 * the trajectory's facts, and the isolation of both municipalities holds, down to the
 * database's row-level security.
 */
@MeedoenIntegrationTest
class TransferIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource appDataSource;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Autowired
    Municipalities municipalities;

    Api sliedrecht() {
        return Api.as(mvc, "begeleider");
    }

    Api dordrecht() {
        return Api.as(mvc, "begeleider.dordrecht");
    }

    @Test
    void aTransferTheReceivingTeamAcceptsMovesTheFileAndLeavesTheSenderNothing() throws Exception {
        String person = personWithTrajectory();
        Response offered = sliedrecht().post(person(person) + "/transfers", Map.of("toMunicipalityCode", "0505"));
        assertThat(offered.status()).isEqualTo(201);
        String transfer = offered.body().get("id").asString();
        assertThat(offered.body().get("status").asString()).isEqualTo("OFFERED");
        assertThat(sliedrecht().get(person(person)).status()).isEqualTo(200);
        assertThat(sliedrecht().post(person(person) + "/transfers", Map.of("toMunicipalityCode", "0505")).status())
            .isEqualTo(409);

        assertThat(dordrecht().get(person(person)).status()).isEqualTo(404);
        Response seen = dordrecht().get("/api/v1/transfers/" + transfer);
        assertThat(seen.status()).isEqualTo(200);
        JsonNode facts = seen.body().get("facts");
        assertThat(seen.body().get("incoming").asBoolean()).isTrue();
        assertThat(seen.body().has("personId")).isFalse();
        assertThat(facts.get("person").get("familyName").asString()).isEqualTo("Verhuizer");
        assertThat(facts.get("route").asString()).isEqualTo("B1");
        assertThat(facts.get("planAdoptedOn").asString()).isEqualTo("2025-03-01");
        assertThat(facts.get("integrationPeriodStart").asString()).isEqualTo("2025-03-02");
        assertThat(dordrecht().post("/api/v1/transfers/" + transfer + "/withdrawal", Map.of()).status()).isEqualTo(409);
        assertThat(sliedrecht().post("/api/v1/transfers/" + transfer + "/acceptance", Map.of()).status())
            .isEqualTo(409);

        Response accepted = dordrecht().post("/api/v1/transfers/" + transfer + "/acceptance", Map.of());
        assertThat(accepted.status()).isEqualTo(200);
        String moved = accepted.body().get("personId").asString();
        assertThat(accepted.body().get("transfer").get("status").asString()).isEqualTo("ACCEPTED");

        // Sliedrecht: nothing of the file, on the API, the pages and in the database
        assertThat(sliedrecht().get(person(person)).status()).isEqualTo(404);
        assertThat(sliedrecht().get(person(person) + "/integration-duty").status()).isEqualTo(404);
        assertThat(sliedrecht().get(person(person) + "/handover").status()).isEqualTo(404);
        assertThat(sliedrecht().get(person(moved)).status()).isEqualTo(404);
        assertThat(Pages.as(mvc, "begeleider").perform(get("/personen/" + person)).getStatus()).isEqualTo(404);
        assertThat(sliedrecht().get("/api/v1/persons?q=Verhuizer").body().toString()).doesNotContain(person);
        Response record = sliedrecht().get("/api/v1/transfers/" + transfer);
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.body().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(record.body().has("facts")).isFalse();
        UUID sliedrechtId = municipalities.byCode("0610").orElseThrow().id();
        assertThat(countAs(sliedrechtId, "select count(*) from person where id = ?::uuid", person)).isZero();
        assertThat(countAs(sliedrechtId, "select count(*) from person where id = ?::uuid", moved)).isZero();
        assertThat(countAs(sliedrechtId, "select count(*) from trajectory_received where person_id = ?::uuid", moved))
            .isZero();
        assertThat(countAs(sliedrechtId,
                "select count(*) from trajectory_transfer where id = ?::uuid and facts is not null", transfer))
            .isZero();

        // Dordrecht: the file with the trajectory's facts
        Response file = dordrecht().get(person(moved));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body().toString()).contains("Verhuizer");
        MockHttpServletResponse tab = Pages.as(mvc, "begeleider.dordrecht")
            .perform(get("/personen/" + moved + "/traject/verhuizing"));
        assertThat(tab.getContentAsString(StandardCharsets.UTF_8)).contains("Overgenomen van Sliedrecht")
            .contains("01-03-2025");
        UUID dordrechtId = municipalities.byCode("0505").orElseThrow().id();
        assertThat(countAs(dordrechtId, "select count(*) from person where id = ?::uuid", person)).isZero();

        // logged on both sides
        assertThat(logged(sliedrechtId, person, "TRAJECTORY_UPDATE")).isPositive();
        assertThat(logged(dordrechtId, moved, "CREATE")).isEqualTo(1);
        assertThat(logged(dordrechtId, moved, "TRAJECTORY_UPDATE")).isEqualTo(1);
        assertThat(logged(dordrechtId, person, "TRAJECTORY_READ")).isPositive();
        assertThat(dordrecht().post("/api/v1/transfers/" + transfer + "/acceptance", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aMunicipalityOutsideTheInstallationGetsTheHandoverDocumentInstead() throws Exception {
        String person = personWithTrajectory();

        Response outside = sliedrecht().post(person(person) + "/transfers", Map.of("toMunicipalityCode", "0363"));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body().toString()).contains("overdrachtsdocument");
        assertThat(sliedrecht().post(person(person) + "/transfers", Map.of("toMunicipalityCode", "0610")).status())
            .isEqualTo(400);

        Response json = sliedrecht().get(person(person) + "/handover");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body().get("fromMunicipality").asString()).isEqualTo("Sliedrecht");
        assertThat(json.body().get("integrationPeriodEnd").asString()).isNotBlank();
        MockHttpServletResponse pdf = Pages.as(mvc, "begeleider")
            .perform(get("/personen/" + person + "/traject/overdracht.pdf"));
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(dordrecht().get(person(person) + "/handover").status()).isEqualTo(404);
    }

    @Test
    void theSenderWithdrawsAnOfferAndKeepsTheFile() throws Exception {
        String person = personWithTrajectory();
        Pages pages = Pages.as(mvc, "begeleider");
        MockHttpServletResponse offered = pages.perform(
                post("/personen/" + person + "/traject/verhuizing").with(csrf()).param("toMunicipalityCode", "0505"));
        assertThat(offered.getStatus()).isEqualTo(302);
        String transfer = sliedrecht().get("/api/v1/transfers").body().get("items").get(0).get("id").asString();

        assertThat(text(Pages.as(mvc, "begeleider.dordrecht").perform(get("/traject/overdrachten"))))
            .contains("Verhuizer");
        assertThat(sliedrecht().post("/api/v1/transfers/" + transfer + "/withdrawal", Map.of()).status())
            .isEqualTo(200);
        assertThat(dordrecht().post("/api/v1/transfers/" + transfer + "/acceptance", Map.of()).status()).isEqualTo(409);
        assertThat(sliedrecht().get(person(person)).status()).isEqualTo(200);
        assertThat(text(pages.perform(get("/personen/" + person + "/traject/verhuizing")))).contains("Ingetrokken");
    }

    private String personWithTrajectory() {
        Response created = sliedrecht().post("/api/v1/persons", Api.person("Noor", "Verhuizer"));
        assertThat(created.status()).isEqualTo(201);
        String person = created.body().get("id").asString();
        assertThat(
                sliedrecht()
                    .put(person(person) + "/integration-duty",
                            Map.of("regime", "WI2021", "duoNoticeDate", "2025-01-06", "brpRegistrationDate",
                                    "2025-01-06"),
                            null)
                    .status())
            .isEqualTo(200);
        assertThat(sliedrecht()
            .post(person(person) + "/integration-duty/plan", Map.of("adoptedOn", "2025-03-01", "route", "B1"),
                    sliedrecht().etag(person(person) + "/integration-duty"))
            .status()).isEqualTo(200);
        return person;
    }

    private int countAs(UUID municipality, String sql, String id) {
        return Tenancy.runAs(municipality,
                () -> new JdbcTemplate(appDataSource).queryForObject(sql, Integer.class, id));
    }

    private int logged(UUID municipality, String person, String action) {
        return new JdbcTemplate(ownerDataSource).queryForObject(
                "select count(*) from audit_entry where municipality_id = ? and person_id = ?::uuid and action = ?",
                Integer.class, municipality, person, action);
    }

    private static String person(String id) {
        return "/api/v1/persons/" + id;
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

}
