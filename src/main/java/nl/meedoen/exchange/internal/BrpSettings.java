package nl.meedoen.exchange.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The connection to the population register (Haal Centraal BRP Personen API), off unless
 * {@code meedoen.brp.enabled} is true and a base URL is given.
 *
 * @param enabled whether the lookup is set up at all
 * @param baseUrl the API's base address, e.g.
 * {@code https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp}; {@code /personen}
 * is added
 * @param apiKey the API key, sent in {@code apiKeyHeader}; none: no key is sent
 * @param apiKeyHeader the header of the API key ({@code X-API-KEY} unless said)
 * @param sslBundle the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) with the
 * client certificate, for mutual TLS; none: the JDK's trust store and no certificate
 * @param purpose the purpose binding sent along ({@code X-DOELBINDING}), as the
 * municipality's authorisation for the register names it
 * @param processing the processing sent along ({@code X-VERWERKING}), e.g.
 * {@code Inburgering@Controle persoonsgegevens}
 * @param originOin the municipality's OIN ({@code X-ORIGIN-OIN}); none: not sent
 * @param connectTimeout how long to wait for a connection (5 seconds unless said)
 * @param readTimeout how long to wait for the answer (10 seconds unless said)
 */
@ConfigurationProperties("meedoen.brp")
public record BrpSettings(boolean enabled, @Nullable String baseUrl, @Nullable String apiKey,
        @Nullable String apiKeyHeader, @Nullable String sslBundle, @Nullable String purpose,
        @Nullable String processing, @Nullable String originOin, @Nullable Duration connectTimeout,
        @Nullable Duration readTimeout) {

    public static final String PURPOSE_HEADER = "X-DOELBINDING";

    public static final String PROCESSING_HEADER = "X-VERWERKING";

    public static final String ORIGIN_HEADER = "X-ORIGIN-OIN";

    public static final String USER_HEADER = "X-GEBRUIKER";

    /** Whether a lookup can be made: switched on and an address given. */
    public boolean setUp() {
        return enabled && baseUrl != null && !baseUrl.isBlank();
    }

    public String keyHeader() {
        return apiKeyHeader == null || apiKeyHeader.isBlank() ? "X-API-KEY" : apiKeyHeader;
    }

    public Duration connect() {
        return connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    }

    public Duration read() {
        return readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    @Override
    public String toString() {
        return "BrpSettings[enabled=" + enabled + ", baseUrl=" + baseUrl + "]";
    }

}
