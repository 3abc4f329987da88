package nl.meedoen.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request addresses the JSON API; while an error is dispatched, the address
 * that failed decides.
 */
final class ApiPaths {

    static final String PREFIX = "/api/";

    private ApiPaths() {
    }

    static boolean isApi(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String address ? address : request.getRequestURI();
        return isApi(request.getContextPath(), uri);
    }

    static boolean isApi(String contextPath, String uri) {
        return uri != null && uri.startsWith(contextPath + PREFIX);
    }

}
