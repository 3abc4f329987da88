package nl.meedoen.exchange.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import nl.meedoen.exchange.internal.BrpException.Kind;
import nl.meedoen.exchange.internal.BrpMessages.Persoon;
import nl.meedoen.support.BrpRegister;
import nl.meedoen.support.TestBsns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client of the Haal Centraal BRP Personen API against a register started in the test
 * that answers in the API's published format: what it sends (the BSN in the body, never
 * in the address; the key, purpose binding, processing and user in the headers), what it
 * reads, and each way the register fails.
 */
class HaalCentraalClientTests {

    static BrpRegister register;

    static HaalCentraalClient client;

    @BeforeAll
    static void start() {
        register = BrpRegister.start();
        client = new HaalCentraalClient(settings(register.baseUrl() + "/"), null);
    }

    @AfterAll
    static void stop() {
        register.close();
    }

    static BrpSettings settings(String baseUrl) {
        return new BrpSettings(true, baseUrl, "test-key-123", null, null, "BRPACT-Inburgering", "Inburgering@Controle",
                "00000001234567890000", Duration.ofSeconds(2), Duration.ofMillis(800));
    }

    @Test
    void asksByBsnInTheBodyWithTheKeyAndPurposeInTheHeaders() {
        String bsn = TestBsns.next();
        register.knows(bsn, BrpRegister.persoon(bsn, "Amal Noor", "al", "Haddad", "1990-03-14", "V", "Dorpsstraat", 12,
                "3361AB", "Sliedrecht", "", ""));

        Optional<Persoon> person = client.person(bsn, "begeleider");

        BrpRegister.Request request = register.lastFor(bsn);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/haalcentraal/api/brp/personen").doesNotContain(bsn);
        assertThat(request.json().path("type").asString()).isEqualTo("RaadpleegMetBurgerservicenummer");
        assertThat(request.json().path("burgerservicenummer").get(0).asString()).isEqualTo(bsn);
        assertThat(request.json().path("fields").toString()).contains("naam", "geboorte", "verblijfplaats", "partners",
                "kinderen", "ouders");
        assertThat(request.header("X-API-KEY")).isEqualTo("test-key-123");
        assertThat(request.header("X-DOELBINDING")).isEqualTo("BRPACT-Inburgering");
        assertThat(request.header("X-VERWERKING")).isEqualTo("Inburgering@Controle");
        assertThat(request.header("X-ORIGIN-OIN")).isEqualTo("00000001234567890000");
        assertThat(request.header("X-GEBRUIKER")).isEqualTo("begeleider");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Content-Length")).isEqualTo(String.valueOf(request.body().getBytes().length));
        assertThat(person).isPresent();
        assertThat(person.get().naam().voornamen()).isEqualTo("Amal Noor");
        assertThat(person.get().naam().achternaam()).isEqualTo("al Haddad");
        assertThat(person.get().geboorte().datum().datum()).isEqualTo("1990-03-14");
        assertThat(person.get().geslacht().code()).isEqualTo("V");
        assertThat(person.get().verblijfplaats().verblijfadres().postcode()).isEqualTo("3361AB");
        assertThat(person.get().ouders()).hasSize(1);
    }

    @Test
    void aBsnTheRegisterDoesNotKnowIsNoPerson() {
        assertThat(client.person(TestBsns.next(), null)).isEmpty();
    }

    @Test
    void theRegistersBadRequestIsARefusalWithItsCode() {
        String bsn = TestBsns.next();
        register.fails(bsn, 400, "Een of meerdere parameters zijn niet correct.", "paramsValidation");

        assertThatThrownBy(() -> client.person(bsn, null)).isInstanceOfSatisfying(BrpException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(Kind.REFUSED);
            assertThat(ex.registerStatus()).isEqualTo(400);
            assertThat(ex.registerCode()).isEqualTo("paramsValidation");
            assertThat(ex.registerTitle()).isEqualTo("Een of meerdere parameters zijn niet correct.");
            assertThat(ex.getMessage()).doesNotContain(bsn);
        });
    }

    @Test
    void theRegistersForbiddenIsNotAuthorisedAndItsTooManyIsBusy() {
        String forbidden = TestBsns.next();
        register.fails(forbidden, 403, "U bent niet geautoriseerd voor deze operatie.", "authorization");
        String busy = TestBsns.next();
        register.fails(busy, 429, "Too many request", "tooManyRequests");

        assertThatThrownBy(() -> client.person(forbidden, null)).isInstanceOfSatisfying(BrpException.class,
                ex -> assertThat(ex.kind()).isEqualTo(Kind.NOT_AUTHORISED));
        assertThatThrownBy(() -> client.person(busy, null)).isInstanceOfSatisfying(BrpException.class,
                ex -> assertThat(ex.kind()).isEqualTo(Kind.BUSY));
    }

    @Test
    void aServerErrorATimeoutAndARefusedConnectionAreUnavailable() throws IOException {
        String failing = TestBsns.next();
        register.fails(failing, 500, "Interne server fout.", "serverError");
        String slow = TestBsns.next();
        register.slow(slow, 3_000);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HaalCentraalClient nowhere = new HaalCentraalClient(settings("http://127.0.0.1:" + closedPort), null);

        assertThatThrownBy(() -> client.person(failing, null)).isInstanceOfSatisfying(BrpException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(ex.registerStatus()).isEqualTo(500);
        });
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.person(slow, null)).isInstanceOfSatisfying(BrpException.class,
                ex -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        assertThatThrownBy(() -> nowhere.person(TestBsns.next(), null)).isInstanceOfSatisfying(BrpException.class,
                ex -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
    }

    @Test
    void anAnswerThatIsNotTheApisFormatIsUnavailable() {
        String bsn = TestBsns.next();
        register.knows(bsn, "\"not a person\"");

        assertThatThrownBy(() -> client.person(bsn, null)).isInstanceOfSatisfying(BrpException.class,
                ex -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
    }

}
