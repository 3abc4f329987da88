package nl.meedoen.audit;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The processing log: every read is logged, only the privacy officer reads it, and
 * tampering shows.
 */
@MeedoenIntegrationTest
class ProcessingLogIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Autowired
    Municipalities municipalities;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    Api privacyOfficer() {
        return Api.as(mvc, "privacy");
    }

    @Test
    void readingAFileWritesAnEntryThePrivacyOfficerSeesFirst() {
        String id = caseworker().post("/api/v1/persons", Api.person("Amal", "Gelogd")).body().get("id").asString();
        caseworker().get("/api/v1/persons/" + id);

        JsonNode log = privacyOfficer().get("/api/v1/audit/persons/" + id).body();

        JsonNode items = log.get("items");
        assertThat(items.findValuesAsString("action")).containsExactly("READ", "CREATE");
        assertThat(items.get(0).get("actor").asString()).isEqualTo("begeleider");
        assertThat(items.get(0).get("purpose").asString()).isNotBlank();
        assertThat(items.get(0).get("at").asString()).isNotBlank();
        assertThat(items.get(0).get("traceId").asString()).isNotBlank();
        JsonNode again = privacyOfficer().get("/api/v1/audit/persons/" + id).body();
        assertThat(again.get("items").get(0).get("action").asString()).isEqualTo("AUDIT_VIEW");
    }

    @Test
    void everySearchLogsEachPersonItReturnsByNameOrByNumber() {
        Response created = caseworker().post("/api/v1/persons", Api.person("Arwa", "Zoekbaar"));
        String id = created.body().get("id").asString();
        String bsn = created.body().get("bsn").asString();
        assertThat(caseworker().get("/api/v1/persons?q=zoekbaar").body().get("items").findValuesAsString("id"))
            .contains(id);
        // A BSN never goes in an address: the search by number is posted.
        assertThat(caseworker().get("/api/v1/persons?q=" + bsn).status()).isEqualTo(400);
        Response byNumber = caseworker().post("/api/v1/persons/search", Map.of("bsn", bsn));
        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byNumber.body().get("items").findValuesAsString("id")).containsExactly(id);

        JsonNode items = privacyOfficer().get("/api/v1/audit/persons/" + id).body().get("items");

        assertThat(items.findValuesAsString("action")).containsExactly("SEARCH", "SEARCH", "CREATE");
    }

    @Test
    void aSearchShowingSeveralPersonsLogsEachOfThemOnceInTheSameRequestAndTheChainHolds() {
        String first = caseworker().post("/api/v1/persons", Api.person("Rana", "Lijstgelogd"))
            .body()
            .get("id")
            .asString();
        String second = caseworker().post("/api/v1/persons", Api.person("Dunya", "Lijstgelogd"))
            .body()
            .get("id")
            .asString();
        assertThat(caseworker().get("/api/v1/persons?q=lijstgelogd").body().get("items").findValuesAsString("id"))
            .containsExactlyInAnyOrder(first, second);

        JsonNode firstLog = privacyOfficer().get("/api/v1/audit/persons/" + first).body().get("items");
        JsonNode secondLog = privacyOfficer().get("/api/v1/audit/persons/" + second).body().get("items");

        assertThat(firstLog.findValuesAsString("action")).containsExactly("SEARCH", "CREATE");
        assertThat(secondLog.findValuesAsString("action")).containsExactly("SEARCH", "CREATE");
        assertThat(firstLog.get(0).get("traceId").asString()).isEqualTo(secondLog.get(0).get("traceId").asString());
        assertThat(privacyOfficer().get("/api/v1/audit/verification").body().get("valid").asBoolean()).isTrue();
    }

    @Test
    void thePrivacyOfficerSeesWhatOneEmployeeOpened() {
        String id = caseworker().post("/api/v1/persons", Api.person("Samira", "Perbegeleider"))
            .body()
            .get("id")
            .asString();
        Api.as(mvc, "teamleider").get("/api/v1/persons/" + id);

        JsonNode byTeamLead = privacyOfficer().get("/api/v1/audit/actors/teamleider?size=1").body();

        assertThat(byTeamLead.get("items").get(0).get("personId").asString()).isEqualTo(id);
        assertThat(byTeamLead.get("items").get(0).get("action").asString()).isEqualTo("READ");
        assertThat(byTeamLead.get("totalItems").asLong()).isPositive();
        assertThat(Api.as(mvc, "teamleider").get("/api/v1/audit/actors/teamleider").status()).isEqualTo(403);
    }

    @Test
    void onlyThePrivacyOfficerReadsTheLog() {
        String id = caseworker().post("/api/v1/persons", Api.person("Huda", "Afgeschermd")).body().get("id").asString();

        assertThat(caseworker().get("/api/v1/audit/persons/" + id).status()).isEqualTo(403);
        assertThat(Api.as(mvc, "beheerder").get("/api/v1/audit/verification").status()).isEqualTo(403);
        assertThat(privacyOfficer().get("/api/v1/audit/persons/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void theChainOfAnUntouchedLogIsValid() {
        JsonNode verification = privacyOfficer().get("/api/v1/audit/verification").body();

        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isGreaterThan(150);
    }

    @Test
    void aTamperedEntryBreaksTheChain() {
        String id = caseworker().post("/api/v1/persons", Api.person("Asma", "Gemanipuleerd"))
            .body()
            .get("id")
            .asString();
        // An entry is protected from the moment the chaining step links it (within
        // seconds, and before each
        // verification).
        privacyOfficer().get("/api/v1/audit/verification");
        JdbcTemplate owner = new JdbcTemplate(ownerDataSource);
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        Long seq = owner.queryForObject(
                "select max(seq) from audit_entry where municipality_id = ? and person_id = ?::uuid", Long.class,
                sliedrecht, id);
        String original = owner.queryForObject("select actor from audit_entry where municipality_id = ? and seq = ?",
                String.class, sliedrecht, seq);
        owner.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
        try {
            owner.update("update audit_entry set actor = 'iemand-anders' where municipality_id = ? and seq = ?",
                    sliedrecht, seq);

            JsonNode verification = privacyOfficer().get("/api/v1/audit/verification").body();

            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstBrokenEntry").asLong()).isEqualTo(seq);
        }
        finally {
            owner.update("update audit_entry set actor = ? where municipality_id = ? and seq = ?", original, sliedrecht,
                    seq);
            owner.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
        }
        assertThat(privacyOfficer().get("/api/v1/audit/verification").body().get("valid").asBoolean()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntries() {
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        JdbcTemplate owner = new JdbcTemplate(ownerDataSource);

        assertThatThrownBy(
                () -> owner.update("update audit_entry set actor = 'x' where municipality_id = ?", sliedrecht))
            .isInstanceOf(DataAccessException.class)
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from audit_entry where municipality_id = ?", sliedrecht))
            .isInstanceOf(DataAccessException.class)
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> Tenancy.runAs(sliedrecht,
                () -> jdbc.update("delete from audit_entry where municipality_id = ?", sliedrecht)))
            .isInstanceOf(DataAccessException.class)
            .rootCause()
            .hasMessageContaining("permission denied");
    }

    @Test
    void rowLevelSecurityHidesOtherMunicipalitiesEvenFromAQueryWithoutFilter() {
        UUID dordrecht = municipalities.byCode("0505").orElseThrow().id();
        JdbcTemplate owner = new JdbcTemplate(ownerDataSource);
        Long inDordrecht = owner.queryForObject("select count(*) from person where municipality_id = ?", Long.class,
                dordrecht);

        Long seenAsDordrecht = Tenancy.runAs(dordrecht,
                () -> jdbc.queryForObject("select count(*) from person", Long.class));
        Long seenWithoutMunicipality = jdbc.queryForObject("select count(*) from person", Long.class);

        assertThat(seenAsDordrecht).isEqualTo(inDordrecht).isPositive();
        assertThat(seenWithoutMunicipality).isZero();
    }

}
