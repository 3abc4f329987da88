package nl.meedoen.exchange.internal;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

import nl.meedoen.exchange.internal.BrpException.Kind;
import nl.meedoen.exchange.internal.BrpMessages.Answer;
import nl.meedoen.exchange.internal.BrpMessages.Persoon;
import nl.meedoen.exchange.internal.BrpMessages.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks the population register, through the Haal Centraal BRP Personen API, for one
 * person by BSN: {@code POST /personen} with {@code RaadpleegMetBurgerservicenummer}, the
 * BSN in the body (never in the address), the API key, the purpose binding and the
 * processing in the headers, and timeouts on the connection and the answer. Every way the
 * register fails becomes a {@link BrpException} of its kind; the application log names
 * the kind and the register's status, never the BSN.
 */
public class HaalCentraalClient {

    private static final Logger log = LoggerFactory.getLogger(HaalCentraalClient.class);

    private final RestClient rest;

    /** A client for these settings; {@code ssl} holds the client certificate, if any. */
    public HaalCentraalClient(BrpSettings settings, @Nullable SslBundle ssl) {
        HttpClient.Builder http = HttpClient.newBuilder()
            .connectTimeout(settings.connect())
            .followRedirects(HttpClient.Redirect.NEVER);
        if (ssl != null) {
            http.sslContext(ssl.createSslContext());
        }
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http.build());
        factory.setReadTimeout(settings.read());
        // buffered, so that the query goes with its Content-Length rather than chunked:
        // gateways expect it
        String base = settings.baseUrl() == null ? "" : settings.baseUrl().replaceAll("/+$", "");
        this.rest = RestClient.builder()
            .baseUrl(base)
            .requestFactory(new BufferingClientHttpRequestFactory(factory))
            .defaultHeaders(headers -> {
                headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
                if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
                    headers.set(settings.keyHeader(), settings.apiKey());
                }
                setIfGiven(headers, BrpSettings.PURPOSE_HEADER, settings.purpose());
                setIfGiven(headers, BrpSettings.PROCESSING_HEADER, settings.processing());
                setIfGiven(headers, BrpSettings.ORIGIN_HEADER, settings.originOin());
            })
            .build();
    }

    /**
     * The register's person with this BSN, empty when the register knows none.
     * @param bsn nine digits that pass the eleven test
     * @param user who asks (sent as {@code X-GEBRUIKER}, the register's own log)
     */
    public Optional<Persoon> person(String bsn, @Nullable String user) {
        try {
            Answer answer = rest.post()
                .uri("/personen")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> setIfGiven(headers, BrpSettings.USER_HEADER, user))
                .body(BrpMessages.Query.byBsn(bsn))
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    if (status.is2xxSuccessful()) {
                        Answer body = response.bodyTo(Answer.class);
                        if (body == null) {
                            throw failure(Kind.UNAVAILABLE, status.value(), null, null);
                        }
                        return body;
                    }
                    Problem problem = problem(response);
                    String title = problem == null ? null : problem.title();
                    String code = problem == null ? null : problem.code();
                    if (status.value() == 400) {
                        throw failure(Kind.REFUSED, 400, title, code);
                    }
                    if (status.value() == 429) {
                        throw failure(Kind.BUSY, 429, title, code);
                    }
                    if (status.is4xxClientError()) {
                        throw failure(Kind.NOT_AUTHORISED, status.value(), title, code);
                    }
                    throw failure(Kind.UNAVAILABLE, status.value(), title, code);
                });
            List<Persoon> persons = answer.personen() == null ? List.of() : answer.personen();
            return persons.stream().filter(p -> p != null).findFirst();
        }
        catch (BrpException ex) {
            throw ex;
        }
        catch (RestClientException | IllegalArgumentException ex) {
            log.warn("The population register gave no answer: {}", ex.getClass().getSimpleName());
            throw new BrpException(Kind.UNAVAILABLE, null, null, null, ex);
        }
    }

    private static @Nullable Problem problem(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) {
        try {
            MediaType type = response.getHeaders().getContentType();
            if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
                return null;
            }
            return response.bodyTo(Problem.class);
        }
        catch (RestClientException ex) {
            return null;
        }
    }

    private static BrpException failure(Kind kind, int status, @Nullable String title, @Nullable String code) {
        log.warn("The population register answered {} ({}, code {})", status, kind, code);
        return new BrpException(kind, status, title, code, null);
    }

    private static void setIfGiven(HttpHeaders headers, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            headers.set(name, value);
        }
    }

}
