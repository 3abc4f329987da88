package nl.meedoen.support;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Demo addresses for the handlers whose pattern has path variables (or needs a query to
 * show anyone): real Sliedrecht records of the demo data, one line per pattern. Shared by
 * the tests that call every handler ({@code ReadCoverageIntegrationTests},
 * {@code AuthorizationMatrixIntegrationTests}); a new handler with path variables gets
 * its line here. The table is built once per test run: building it offers a fine and a
 * transfer, which can be done once.
 */
public final class DemoAddresses {

    private static volatile Map<String, String> built;

    private DemoAddresses() {
    }

    /** The address of each pattern that needs one, by pattern. */
    public static synchronized Map<String, String> of(MockMvc mvc, DataSource owner) {
        if (built == null) {
            built = Map.copyOf(build(mvc, JdbcClient.create(owner)));
        }
        return built;
    }

    private static Map<String, String> build(MockMvc mvc, JdbcClient owner) {
        String person = personWith(owner, "plan");
        String duty = any(owner,
                "select t.person_id from integration_duty t join municipality m on m.id = t.municipality_id "
                        + "join person p on p.id = t.person_id where m.code = '0610' and t.plan_adopted_on is not null and "
                        + FIRST_TEAM + " order by t.person_id");
        String intake = personWith(owner, "broad_intake");
        String ontzorgen = personWith(owner, "ontzorgen");
        String guidance = personWith(owner, "guidance");
        String caseworker = personWith(owner, "trajectory_caseworker");
        String declaration = personWith(owner, "participation_declaration");
        String contacts = personWith(owner, "person_contact");
        String household = any(owner,
                "select t.household_id from household_member t join person p on p.id = t.person_id "
                        + "join municipality m on m.id = p.municipality_id where m.code = '0610' and " + FIRST_TEAM
                        + " order by t.household_id");
        String request = inSliedrecht(owner, "match_request", "id");
        String buddy = inSliedrecht(owner, "buddy_match", "id");
        String volunteer = any(owner, "select t.volunteer_id from buddy_match t join municipality m on m.id = "
                + "t.municipality_id where m.code = '0610' order by t.volunteer_id");
        String referral = inSliedrecht(owner, "referral", "id");
        String partnerReferral = any(owner,
                """
                        select r.id from referral r join app_user u on u.partner_id = r.partner_id
                        where u.username = 'partner' and r.shared_at is not null and r.status in ('SENT', 'ACCEPTED', 'STARTED')""");
        String familyName = owner.sql("select family_name from person where id = cast(:p as uuid)")
            .param("p", person)
            .query(String.class)
            .single();
        String waitingMatch = Api.as(mvc, "teamleider")
            .get("/api/v1/matches")
            .body()
            .get("items")
            .get(0)
            .get("matchId")
            .asString();
        // The employee's log shows the persons the employee processed: make sure there is
        // one.
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/persons/" + person).status()).isEqualTo(200);
        Map<String, String> addresses = new HashMap<>();
        addresses.put("/api/v1/audit/persons/{id}", "/api/v1/audit/persons/" + person);
        addresses.put("/api/v1/audit/actors/{username}", "/api/v1/audit/actors/begeleider");
        addresses.put("/logboek", "/logboek?q=" + familyName);
        addresses.put("/logboek/medewerker", "/logboek/medewerker?naam=begeleider");
        addresses.put("/api/v1/exports/trajectories",
                "/api/v1/exports/trajectories?from=2022-01-01&to=2026-12-31&format=csv");
        addresses.put("/traject/rapportage/bestand",
                "/traject/rapportage/bestand?from=2022-01-01&to=2026-12-31&format=xlsx");
        addresses.put("/logboek/personen/{id}", "/logboek/personen/" + person);
        addresses.put("/huisvesting/koppelingen/nieuw", "/huisvesting/koppelingen/nieuw?persoon=" + person);
        addresses.put("/huisvesting/plaatsingen/nieuw", "/huisvesting/plaatsingen/nieuw?koppeling=" + waitingMatch);
        addresses.put("/api/v1/matches/buddy/{id}", "/api/v1/matches/buddy/" + buddy);
        addresses.put("/api/v1/persons/{personId}/contacts", "/api/v1/persons/" + contacts + "/contacts");
        addresses.put("/api/v1/match-requests/{id}", "/api/v1/match-requests/" + request);
        addresses.put("/api/v1/match-requests/{id}/candidates", "/api/v1/match-requests/" + request + "/candidates");
        addresses.put("/netwerk/verzoeken/{id}", "/netwerk/verzoeken/" + request);
        addresses.put("/netwerk/koppelingen/{id}", "/netwerk/koppelingen/" + buddy);
        addresses.put("/personen/{id}/netwerk", "/personen/" + contacts + "/netwerk");
        addresses.put("/netwerk/vrijwilligers/{id}", "/netwerk/vrijwilligers/" + volunteer);
        addresses.put("/api/v1/households/{id}", "/api/v1/households/" + household);
        addresses.put("/api/v1/referrals/{id}", "/api/v1/referrals/" + referral);
        addresses.put("/partner/verwijzingen/{referralId}", "/partner/verwijzingen/" + partnerReferral);
        addresses.put("/api/v1/persons/{personId}/integration-duty", "/api/v1/persons/" + duty + "/integration-duty");
        addresses.put("/api/v1/persons/{personId}/integration-duty/learning-route",
                "/api/v1/persons/" + duty + "/integration-duty/learning-route");
        addresses.put("/api/v1/persons/{personId}/exemptions", "/api/v1/persons/" + duty + "/exemptions");
        addresses.put("/api/v1/persons/{personId}/intake", "/api/v1/persons/" + intake + "/intake");
        addresses.put("/api/v1/persons/{personId}/intake/appointments",
                "/api/v1/persons/" + intake + "/intake/appointments");
        addresses.put("/api/v1/persons/{personId}/ontzorgen", "/api/v1/persons/" + ontzorgen + "/ontzorgen");
        addresses.put("/api/v1/persons/{personId}/trajectory-caseworker",
                "/api/v1/persons/" + caseworker + "/trajectory-caseworker");
        addresses.put("/api/v1/persons/{personId}/guidance", "/api/v1/persons/" + guidance + "/guidance");
        addresses.put("/api/v1/persons/{personId}/participation-declaration",
                "/api/v1/persons/" + declaration + "/participation-declaration");
        for (String path : List.of("/api/v1/persons/{id}", "/personen/{id}", "/personen/{id}/bewerken",
                "/personen/{id}/beeindigen", "/personen/{id}/afdrukken", "/personen/{id}/plan",
                "/personen/{id}/plan/brief.pdf", "/personen/{id}/verwijzingen", "/personen/{id}/traject",
                "/personen/{id}/traject/intake", "/personen/{id}/traject/leerroute", "/personen/{id}/traject/ontzorgen",
                "/personen/{id}/delen", "/personen/{id}/koppelprofiel", "/api/v1/persons/{id}/shares",
                "/personen/{id}/mijn-meedoen", "/api/v1/persons/{id}/messages")) {
            addresses.put(path, path.replace("{id}", person));
        }
        addresses.put("/mijn/verwijzingen/{id}/intrekken", "/mijn/verwijzingen/" + owner.sql("""
                select r.id from referral r join resident_account a on a.person_id = r.person_id
                join app_user u on u.id = a.account_id
                where u.username = 'inwoner' and r.status <> 'DRAFT' and r.consent_given_on is not null
                order by r.id limit 1""").query(String.class).single() + "/intrekken");
        addresses.put("/huisvesting/koppellijst/{id}", "/huisvesting/koppellijst/" + coaImport(mvc, owner, person));
        addresses.put("/api/v1/matches/{matchId}", "/api/v1/matches/" + waitingMatch);
        addresses.put("/huisvesting/koppelingen/{id}", "/huisvesting/koppelingen/" + waitingMatch);
        addresses.put("/api/v1/persons/{id}/subject-access-export",
                "/api/v1/persons/" + person + "/subject-access-export?format=json");
        // A signal about a person that the caseworker is shown, as the worklist itself
        // decides it (another caseworker's signal of the same team is rightly not found).
        String signal = null;
        for (var item : Api.as(mvc, "begeleider").get("/api/v1/signals?status=OPEN&size=100").body().get("items")) {
            if (signal == null && item.hasNonNull("personId")) {
                signal = item.get("id").asString();
            }
        }
        addresses.put("/signalen/{id}", "/signalen/" + signal);
        String fine = Api.as(mvc, "begeleider")
            .post("/api/v1/persons/" + duty + "/fines",
                    Map.of("ground", "INTAKE", "facts", "Niet verschenen op twee afspraken voor de brede intake."))
            .body()
            .get("id")
            .asString();
        addresses.put("/api/v1/persons/{personId}/fines", "/api/v1/persons/" + duty + "/fines");
        addresses.put("/api/v1/persons/{personId}/fines/{fineId}", "/api/v1/persons/" + duty + "/fines/" + fine);
        addresses.put("/api/v1/persons/{personId}/handover", "/api/v1/persons/" + duty + "/handover");
        for (String path : List.of("/personen/{id}/traject/verhuizing", "/personen/{id}/traject/overdracht.pdf",
                "/personen/{id}/traject/overdracht.json")) {
            addresses.put(path, path.replace("{id}", duty));
        }
        String leaving = any(owner, """
                select t.person_id from integration_duty t join municipality m on m.id = t.municipality_id
                join person p on p.id = t.person_id
                where m.code = '0610' and t.plan_adopted_on is not null""" + " and " + FIRST_TEAM
                + " order by t.person_id desc");
        Api.Response offered = Api.as(mvc, "begeleider")
            .post("/api/v1/persons/" + leaving + "/transfers", Map.of("toMunicipalityCode", "0505"));
        // The walk and the need-to-know sweep share the demo data: the second finds the
        // offer open.
        String transfer = offered.status() == 201 ? offered.body().get("id").asString()
                : any(owner, "select id from trajectory_transfer where status = 'OFFERED' and person_id = cast('"
                        + leaving + "' as uuid)");
        addresses.put("/api/v1/transfers/{transferId}", "/api/v1/transfers/" + transfer);
        for (String path : List.of("/api/v1/persons/{personId}/plan", "/api/v1/persons/{personId}/plan/versions",
                "/api/v1/persons/{personId}/reviews", "/api/v1/persons/{personId}/plan.pdf",
                "/api/v1/persons/{personId}/language-levels", "/api/v1/persons/{personId}/lesson-hours")) {
            addresses.put(path, path.replace("{personId}", person));
        }
        return addresses;
    }

    /** A Sliedrecht person with a row in the table, the first by id. */
    public static String personWith(JdbcClient owner, String table) {
        return any(owner, "select t.person_id from " + table + " t join person p on p.id = t.person_id "
                + "join municipality m on m.id = p.municipality_id where m.code = '0610' and p.ended_on is null "
                + "and " + FIRST_TEAM + " order by t.person_id");
    }

    /**
     * A row of a Sliedrecht person of the first team (begeleider's), the first by the
     * column.
     */
    public static String inSliedrecht(JdbcClient owner, String table, String column) {
        return any(owner,
                "select t." + column + " from " + table
                        + " t join municipality m on m.id = t.municipality_id join person p on p.id = t.person_id "
                        + "where m.code = '0610' and " + FIRST_TEAM + " order by t." + column);
    }

    /**
     * Need-to-know: the demo rows the walks use are of begeleider's team, so begeleider
     * may open them and begeleider.oost may not.
     */
    public static final String FIRST_TEAM = "p.team_id = (select team_id from app_user where username = 'begeleider')";

    public static String any(JdbcClient owner, String sql) {
        return owner.sql("select cast(x as text) from (" + sql + ") as q(x) limit 1")
            .query(String.class)
            .optional()
            .orElseThrow(() -> new AssertionError("no demo row for: " + sql));
    }

    /** A previewed COA match list that names the demo person (an existing file). */
    private static String coaImport(MockMvc mvc, JdbcClient owner, String person) {
        String line = owner.sql("""
                select concat_ws(';', coalesce(v_number, ''), coalesce(bsn, ''), given_names, family_name,
                    to_char(date_of_birth, 'YYYY-MM-DD'), '', '', '', '', '', '2024-01-15', 'nee', '')
                from person where id = cast(:p as uuid)""").param("p", person).query(String.class).single();
        String csv = "V-nummer;BSN;Voornamen;Achternaam;Geboortedatum;Geslacht;Nationaliteit;Talen;Huishouden;Relatie;"
                + "Koppeldatum;Nareiziger;Opmerkingen\r\n" + line + "\r\n";
        try {
            String body = mvc
                .perform(multipart("/api/v1/imports/coa-matches")
                    .file(new MockMultipartFile("file", "demo.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                    .with(httpBasic("begeleider", "demo")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
            return Api.JSON.readTree(body).get("importId").asString();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

}
