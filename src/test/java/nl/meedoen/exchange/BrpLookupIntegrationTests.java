package nl.meedoen.exchange;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.BrpRegister;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestBsns;
import nl.meedoen.support.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The population register lookup end to end against a register started in the test that
 * answers in the Haal Centraal BRP Personen API's published format: the API's differences
 * (with a file, without one, none at all), its error answers (the eleven test, the
 * register's 400, a 500 and a timeout as 502 in Dutch), the processing log, and the page
 * that shows both side by side and takes over one field with the file's version. An
 * application of its own, since the lookup is off in every other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "meedoen.demo=true", "meedoen.brp.enabled=true", "meedoen.brp.api-key=brp-test-key",
                "meedoen.brp.purpose=BRPACT-Inburgering", "meedoen.brp.processing=Inburgering@Controle",
                "meedoen.brp.read-timeout=3s" })
@AutoConfigureMockMvc
@Import(TestClock.Wiring.class)
class BrpLookupIntegrationTests {

    private static final String LOOKUP = "/api/v1/persons/brp-lookup";

    static final BrpRegister register = BrpRegister.start();

    @DynamicPropertySource
    static void registerAddress(DynamicPropertyRegistry properties) {
        properties.add("meedoen.brp.base-url", register::baseUrl);
    }

    @AfterAll
    static void stop() {
        register.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Test
    void theDifferencesWithTheFileComeBackAndTheLookupIsLogged() {
        Person person = person("Amal", "Haddad", "1990-03-14", "FEMALE");
        register.knows(person.bsn(),
                BrpRegister.persoon(person.bsn(), "Amal Noor", "al", "Haddad", "1990-03-15", "V", "Dorpsstraat", 12,
                        "3361AB", "Sliedrecht", BrpRegister.verwant(TestBsns.next(), "Karim", "Haddad", "1988-01-02"),
                        ""));

        Response answer = caseworker().post(LOOKUP, Map.of("bsn", person.bsn()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("found").asBoolean()).isTrue();
        assertThat(answer.body().get("personId").asString()).isEqualTo(person.id());
        Map<String, JsonNode> differences = byField(answer.body());
        assertThat(differences).containsOnlyKeys("givenName", "familyName", "dateOfBirth", "address", "household");
        assertThat(differences.get("givenName").get("meedoen").asString()).isEqualTo("Amal");
        assertThat(differences.get("givenName").get("brp").asString()).isEqualTo("Amal Noor");
        assertThat(differences.get("familyName").get("brp").asString()).isEqualTo("al Haddad");
        assertThat(differences.get("dateOfBirth").get("meedoen").asString()).isEqualTo("1990-03-14");
        assertThat(differences.get("dateOfBirth").get("brp").asString()).isEqualTo("1990-03-15");
        assertThat(differences.get("address").get("meedoen").asString()).isEqualTo("Kerkbuurt 3, 3361 AA Sliedrecht");
        assertThat(differences.get("address").get("brp").asString()).isEqualTo("Dorpsstraat 12, 3361 AB Sliedrecht");
        assertThat(differences.get("household").get("brp").asString()).isEqualTo("PARTNER: Karim Haddad (1988-01-02)");
        BrpRegister.Request request = register.lastFor(person.bsn());
        assertThat(request.uri()).doesNotContain(person.bsn());
        assertThat(request.header("X-API-KEY")).isEqualTo("brp-test-key");
        assertThat(request.header("X-DOELBINDING")).isEqualTo("BRPACT-Inburgering");
        assertThat(request.header("X-VERWERKING")).isEqualTo("Inburgering@Controle");
        assertThat(request.header("X-GEBRUIKER")).isEqualTo("begeleider");
        assertThat(lookupsLogged(person.id())).isEqualTo(1);
    }

    @Test
    void aFileAsTheRegisterSaysHasNoDifferences() {
        Person person = person("Yusuf", "Demir", "1985-07-01", "MALE");
        register.knows(person.bsn(), BrpRegister.persoon(person.bsn(), "Yusuf", null, "Demir", "1985-07-01", "M",
                "Kerkbuurt", 3, "3361AA", "Sliedrecht", "", ""));

        Response answer = caseworker().post(LOOKUP, Map.of("bsn", person.bsn()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("found").asBoolean()).isTrue();
        assertThat(answer.body().get("differences")).isEmpty();
    }

    @Test
    void aBsnMeedoenDoesNotKnowIsComparedWithAnEmptyFile() {
        String bsn = TestBsns.next();
        register.knows(bsn, BrpRegister.persoon(bsn, "Lina", null, "Saleh", "2001-11-30", "V", "Stationsweg", 8,
                "3362 BC", "Sliedrecht", "", ""));

        Response answer = caseworker().post(LOOKUP, Map.of("bsn", bsn));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("found").asBoolean()).isTrue();
        assertThat(answer.body().get("personId").isNull()).isTrue();
        Map<String, JsonNode> differences = byField(answer.body());
        assertThat(differences).containsOnlyKeys("givenName", "familyName", "dateOfBirth", "gender", "address");
        assertThat(differences.get("gender").get("brp").asString()).isEqualTo("FEMALE");
        assertThat(differences.values()).allSatisfy(d -> assertThat(d.get("meedoen").isNull()).isTrue());
    }

    @Test
    void aBsnTheRegisterDoesNotKnowIsNotFound() {
        Person person = person("Noor", "Kaya", "1995-02-02", "FEMALE");

        Response answer = caseworker().post(LOOKUP, Map.of("bsn", person.bsn()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("found").asBoolean()).isFalse();
        assertThat(answer.body().get("differences")).isEmpty();
    }

    @Test
    void aBsnThatFailsTheElevenTestIsRefusedBeforeTheRegisterIsAsked() {
        int asked = register.requests().size();

        Response answer = caseworker().post(LOOKUP, Map.of("bsn", "123456789"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo("bsn");
        assertThat(answer.body().get("errors").get(0).get("message").asString()).contains("elfproef");
        assertThat(register.requests()).hasSize(asked);
    }

    @Test
    void theRegistersOwnBadRequestIsUnprocessableWithItsReason() {
        String bsn = TestBsns.next();
        register.fails(bsn, 400, "Een of meerdere parameters zijn niet correct.", "paramsValidation");

        Response answer = caseworker().post(LOOKUP, Map.of("bsn", bsn));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("detail").asString()).startsWith("De BRP weigert deze vraag")
            .contains("Een of meerdere parameters zijn niet correct.");
        assertThat(answer.body().get("registerStatus").asInt()).isEqualTo(400);
        assertThat(answer.body().get("registerCode").asString()).isEqualTo("paramsValidation");
    }

    @Test
    void aServerErrorOrNoAnswerInTimeIsABadGatewayInDutch() {
        String failing = TestBsns.next();
        register.fails(failing, 500, "Interne server fout.", "serverError");
        String slow = TestBsns.next();
        register.slow(slow, 5_000);
        String forbidden = TestBsns.next();
        register.fails(forbidden, 403, "U bent niet geautoriseerd voor deze operatie.", "authorization");

        for (String bsn : List.of(failing, slow)) {
            Response answer = caseworker().post(LOOKUP, Map.of("bsn", bsn));
            assertThat(answer.status()).isEqualTo(502);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("detail").asString()).isEqualTo(
                    "De BRP is nu niet bereikbaar of gaf geen antwoord. Probeer het later opnieuw; er is niets gewijzigd.");
            assertThat(answer.body().get("reason").asString()).isEqualTo("UNAVAILABLE");
        }
        Response refused = caseworker().post(LOOKUP, Map.of("bsn", forbidden));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.body().get("detail").asString()).contains("weigert Meedoen de toegang (status 403)");
    }

    @Test
    void onlyCaseworkersAndTeamLeadsLookUp() {
        assertThat(Api.as(mvc, "beleid").post(LOOKUP, Map.of("bsn", TestBsns.next())).status()).isEqualTo(403);
        assertThat(Api.as(mvc, "teamleider").post(LOOKUP, Map.of("bsn", TestBsns.next())).status()).isEqualTo(200);
    }

    @Test
    void thePageShowsBothSideBySideAndTakesOverOneFieldWithTheVersion() throws Exception {
        Person person = person("Amal", "Haddad", "1990-03-14", "FEMALE");
        register.knows(person.bsn(), BrpRegister.persoon(person.bsn(), "Amal Noor", "al", "Haddad", "1990-03-14", "V",
                "Dorpsstraat", 12, "3361AB", "Sliedrecht", "", ""));
        Pages pages = Pages.as(mvc, "begeleider");

        Document shown = html(pages.perform(post("/personen/" + person.id() + "/brp").with(csrf())));

        assertThat(shown.select("#summary").text()).isEqualTo("Er zijn 3 verschillen met de BRP.");
        assertThat(shown.select("#row-GIVEN_NAME td").eachText()).startsWith("Amal", "Amal Noor");
        assertThat(shown.select("#row-FAMILY_NAME td").eachText()).startsWith("Haddad", "al Haddad");
        assertThat(shown.select("#row-DATE_OF_BIRTH td").eachText()).containsExactly("14-03-1990", "14-03-1990",
                "Gelijk");
        assertThat(shown.select("#row-ADDRESS td").eachText()).startsWith("Kerkbuurt 3, 3361 AA Sliedrecht",
                "Dorpsstraat 12, 3361 AB Sliedrecht");
        assertThat(shown.select("#row-GIVEN_NAME button").text()).isEqualTo("Overnemen");
        assertThat(shown.select("#register-household td").eachText()).contains("Ouder", "Omar Haddad");
        assertThat(shown.select("form[action$=/brp/overnemen] input[name=bsn]")).isEmpty();
        assertThat(lookupsLogged(person.id())).isEqualTo(1);

        Document applied = html(pages.perform(post("/personen/" + person.id() + "/brp/overnemen").with(csrf())
            .param("field", "GIVEN_NAME")
            .param("version", String.valueOf(person.version()))));

        assertThat(applied.select("#applied").text()).isEqualTo("Voornamen is overgenomen uit de BRP.");
        assertThat(applied.select("#summary").text()).isEqualTo("Er zijn 2 verschillen met de BRP.");
        Map<String, Object> row = owner()
            .sql("select given_names, family_name, street, house_number, postcode, version from person where id = :id")
            .param("id", UUID.fromString(person.id()))
            .query()
            .singleRow();
        assertThat(row).containsEntry("given_names", "Amal Noor")
            .containsEntry("family_name", "Haddad")
            .containsEntry("street", "Kerkbuurt")
            .containsEntry("house_number", "3")
            .containsEntry("postcode", "3361 AA")
            .containsEntry("version", person.version() + 1);
        assertThat(owner().sql(
                "select count(*) from audit_entry where person_id = :id and action = 'UPDATE' and actor = 'begeleider'")
            .param("id", UUID.fromString(person.id()))
            .query(Long.class)
            .single()).isEqualTo(1);

        Document stale = html(pages.perform(post("/personen/" + person.id() + "/brp/overnemen").with(csrf())
            .param("field", "ADDRESS")
            .param("version", String.valueOf(person.version()))));

        assertThat(stale.select("#problem").text()).contains("Iemand anders heeft dit dossier gewijzigd");
        assertThat(owner().sql("select street from person where id = :id")
            .param("id", UUID.fromString(person.id()))
            .query(String.class)
            .single()).isEqualTo("Kerkbuurt");

        Document address = html(pages.perform(post("/personen/" + person.id() + "/brp/overnemen").with(csrf())
            .param("field", "ADDRESS")
            .param("version", String.valueOf(person.version() + 1))));

        assertThat(address.select("#applied").text()).isEqualTo("Adres is overgenomen uit de BRP.");
        assertThat(owner()
            .sql("select given_names || '|' || street || '|' || house_number || '|' || postcode || '|' "
                    + "|| city from person where id = :id")
            .param("id", UUID.fromString(person.id()))
            .query(String.class)
            .single()).isEqualTo("Amal Noor|Dorpsstraat|12|3361 AB|Sliedrecht");
    }

    @Test
    void thePageSaysPlainlyWhenTheRegisterCannotBeReached() throws Exception {
        Person person = person("Sara", "Mansour", "1992-09-09", "FEMALE");
        register.fails(person.bsn(), 503, "Bronservice BRP is tijdelijk niet beschikbaar.", "notAvailable");

        MockHttpServletResponse response = Pages.as(mvc, "begeleider")
            .perform(post("/personen/" + person.id() + "/brp").with(csrf()));

        assertThat(response.getStatus()).isEqualTo(502);
        assertThat(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).select("#brp-error").text())
            .startsWith("De BRP is nu niet bereikbaar");
    }

    record Person(String id, int version, String bsn) {
    }

    private Person person(String givenName, String familyName, String dateOfBirth, String gender) {
        Map<String, Object> body = new HashMap<>(Api.person(givenName, familyName));
        body.put("dateOfBirth", dateOfBirth);
        body.put("gender", gender);
        body.put("street", "Kerkbuurt");
        body.put("houseNumber", "3");
        body.put("postcode", "3361AA");
        body.put("city", "Sliedrecht");
        Response created = caseworker().post("/api/v1/persons", body);
        assertThat(created.status()).isEqualTo(201);
        return new Person(created.body().get("id").asString(), created.body().get("version").asInt(),
                created.body().get("bsn").asString());
    }

    private Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    private static Map<String, JsonNode> byField(JsonNode body) {
        Map<String, JsonNode> differences = new HashMap<>();
        body.get("differences").forEach(d -> differences.put(d.get("field").asString(), d));
        return differences;
    }

    private long lookupsLogged(String personId) {
        return owner().sql("select count(*) from audit_entry where person_id = :id and action = 'BRP_LOOKUP'")
            .param("id", UUID.fromString(personId))
            .query(Long.class)
            .single();
    }

    private static Document html(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).startsWith("text/html");
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private JdbcClient owner() {
        return JdbcClient.create(ownerDataSource);
    }

}
