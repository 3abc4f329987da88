package nl.meedoen.platform;

import java.util.Optional;

import org.slf4j.MDC;

/**
 * The trace id of the current request, kept in the logging context and written with every
 * audit entry.
 */
public final class RequestTrace {

    public static final String MDC_KEY = "traceId";

    private RequestTrace() {
    }

    public static Optional<String> currentId() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

}
