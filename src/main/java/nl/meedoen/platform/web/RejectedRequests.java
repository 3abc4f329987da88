package nl.meedoen.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A request Spring Security's firewall refuses (a {@code ;}, {@code //}, {@code %2e%2e},
 * an encoded {@code /} or NUL in the address) is answered right there: on the API a
 * problem detail in the caller's language, written directly so that it holds whether or
 * not the container dispatches to its error page; on pages the Dutch error page.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    WebSecurityCustomizer rejectedRequestsAsProblems(ProblemTexts texts, LocaleResolver locales, JsonMapper json) {
        RequestRejectedHandler handler = (request, response, ex) -> answer(texts, locales, json, request, response, ex);
        return web -> web.requestRejectedHandler(handler);
    }

    private static void answer(ProblemTexts texts, LocaleResolver locales, JsonMapper json, HttpServletRequest request,
            HttpServletResponse response, RequestRejectedException ex) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (!ApiPaths.isApi(request.getContextPath(), request.getRequestURI())) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = texts.forStatus(HttpStatus.BAD_REQUEST, locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

}
