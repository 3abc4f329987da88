package nl.meedoen.platform.web;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.platform.RequestTrace;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a trace id: the caller's {@code X-Request-Id} when it is a
 * plausible id, otherwise a new one. It is returned in the response, logged and stored
 * with audit entries, so one request can be followed through logs and the processing log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestTraceFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = RequestTraceFilter.class.getName() + ".traceId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(HEADER);
        String traceId = request.getAttribute(ATTRIBUTE) instanceof String kept ? kept
                : offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : newId();
        request.setAttribute(ATTRIBUTE, traceId);
        MDC.put(RequestTrace.MDC_KEY, traceId);
        response.setHeader(HEADER, traceId);
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(RequestTrace.MDC_KEY);
        }
    }

    /**
     * An error page dispatched after the request failed (e.g. a path the firewall
     * rejected) keeps the request's trace id.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

}
