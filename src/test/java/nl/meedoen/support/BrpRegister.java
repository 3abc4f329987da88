package nl.meedoen.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for the population register, answering on a random local port in the
 * published format of the Haal Centraal BRP Personen API (version 2): {@code POST
 * /personen} with {@code RaadpleegMetBurgerservicenummer} answers the person scripted for
 * the BSN in the body, {@code personen: []} for any other, and the register's problem
 * details ({@code application/problem+json}) or a delay where a test says so. Every
 * request is kept, so that a test can check what Meedoen sent.
 */
public final class BrpRegister implements AutoCloseable {

    /** A request as received: method, path with query, headers (lower case) and body. */
    public record Request(String method, String uri, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }

        public JsonNode json() {
            return Api.JSON.readTree(body);
        }

    }

    private record Answer(int status, String contentType, String body, long delayMillis) {
    }

    private final HttpServer server;

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private BrpRegister(HttpServer server) {
        this.server = server;
    }

    /** Starts the register on a free port of the loopback address. */
    public static BrpRegister start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            BrpRegister register = new BrpRegister(server);
            server.createContext("/haalcentraal/api/brp/personen", register::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return register;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The base URL Meedoen is configured with. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + "/haalcentraal/api/brp";
    }

    /**
     * The register knows this person: {@code persoon} is one element of {@code personen}.
     */
    public void knows(String bsn, String persoon) {
        answers.put(bsn, new Answer(200, "application/json",
                "{\"type\":\"RaadpleegMetBurgerservicenummer\",\"personen\":[" + persoon + "]}", 0));
    }

    /** The register answers this status with its problem details for this BSN. */
    public void fails(String bsn, int status, String title, String code) {
        answers.put(bsn, new Answer(status, "application/problem+json", """
                {"type":"https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1","title":"%s","status":%d,\
                "detail":"","instance":"/haalcentraal/api/brp/personen","code":"%s"}""".formatted(title, status, code),
                0));
    }

    /** The register answers this BSN only after {@code millis}. */
    public void slow(String bsn, long millis) {
        answers.put(bsn, new Answer(200, "application/json",
                "{\"type\":\"RaadpleegMetBurgerservicenummer\",\"personen\":[]}", millis));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The last request that asked for this BSN. */
    public Request lastFor(String bsn) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).body().contains("\"" + bsn + "\"")) {
                return requests.get(i);
            }
        }
        throw new AssertionError("The register was not asked for this BSN");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
        Answer answer;
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer = new Answer(405, "application/problem+json", "{\"title\":\"Method not allowed\",\"status\":405}",
                    0);
        }
        else {
            JsonNode query = Api.JSON.readTree(body);
            JsonNode bsns = query.path("burgerservicenummer");
            String bsn = bsns.isArray() && !bsns.isEmpty() ? bsns.get(0).asString() : "";
            answer = !"RaadpleegMetBurgerservicenummer".equals(query.path("type").asString())
                    ? new Answer(400, "application/problem+json", "{\"title\":\"Onbekend type\",\"status\":400}", 0)
                    : answers.getOrDefault(bsn, new Answer(200, "application/json",
                            "{\"type\":\"RaadpleegMetBurgerservicenummer\",\"personen\":[]}", 0));
        }
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (IOException ex) {
            // the client gave up waiting (a timeout test)
        }
        finally {
            exchange.close();
        }
    }

    /** A person in the register's format, with the fields Meedoen asks for. */
    public static String persoon(String bsn, String voornamen, String voorvoegsel, String geslachtsnaam,
            String geboortedatum, String geslacht, String straat, int huisnummer, String postcode, String woonplaats,
            String partners, String kinderen) {
        return """
                {"burgerservicenummer":"%s",
                 "geslacht":{"code":"%s","omschrijving":"%s"},
                 "naam":{"voornamen":"%s",%s"geslachtsnaam":"%s","voorletters":"X.","volledigeNaam":"%s %s"},
                 "geboorte":{"datum":{"type":"Datum","datum":"%s","langFormaat":"%s"},
                   "land":{"code":"6003","omschrijving":"Syrië"}},
                 "verblijfplaats":{"type":"Adres","verblijfadres":{"officieleStraatnaam":"%s","korteStraatnaam":"%s",
                   "huisnummer":%d,"postcode":"%s","woonplaats":"%s"},
                   "functieAdres":{"code":"W","omschrijving":"woonadres"}},
                 "partners":[%s],"kinderen":[%s],
                 "ouders":[{"ouderAanduiding":"1","naam":{"voornamen":"Omar","geslachtsnaam":"Haddad"}}]}""".formatted(
                bsn, geslacht, "M".equals(geslacht) ? "man" : "vrouw", voornamen,
                voorvoegsel == null ? "" : "\"voorvoegsel\":\"" + voorvoegsel + "\",", geslachtsnaam, voornamen,
                geslachtsnaam, geboortedatum, geboortedatum, straat, straat, huisnummer, postcode, woonplaats, partners,
                kinderen);
    }

    /** A partner or child in the register's format. */
    public static String verwant(String bsn, String voornamen, String geslachtsnaam, String geboortedatum) {
        return """
                {"burgerservicenummer":"%s","naam":{"voornamen":"%s","geslachtsnaam":"%s"},
                 "geboorte":{"datum":{"type":"Datum","datum":"%s","langFormaat":"%s"}}}""".formatted(bsn, voornamen,
                geslachtsnaam, geboortedatum, geboortedatum);
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
