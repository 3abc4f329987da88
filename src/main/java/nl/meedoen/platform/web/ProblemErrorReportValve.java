package nl.meedoen.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's own error report, for what Tomcat refuses before Spring sees the request (a
 * {@code %00} or an encoded {@code /} in the path, a request line or header over the
 * limit): a problem detail in the caller's language for {@code /api/}, a plain Dutch
 * error page otherwise, instead of Tomcat's English HTML.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final MessageSource messages;

    private final JsonMapper json = JsonMapper.builder().build();

    ProblemErrorReportValve(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatusCode status = HttpStatusCode.valueOf(code);
        String uri = Objects.toString(request.getCoyoteRequest().requestURI().toString(), "");
        // A request line too long to read names no address: answered as the API would,
        // since
        // browsers do not send one.
        boolean api = uri.isEmpty() || ApiPaths.isApi("", uri);
        Locale locale = api ? LanguageConfiguration.apiLocale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                : LanguageConfiguration.DUTCH;
        try {
            response.setCharacterEncoding("UTF-8");
            if (api) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "about:blank");
                problem.put("title", text("problem.title." + code, "problem.title." + generic(status), locale));
                problem.put("status", code);
                problem.put("detail", text("problem.status." + code, "problem.status." + generic(status), locale));
                try (Writer writer = response.getReporter()) {
                    if (writer != null) {
                        writer.write(json.writeValueAsString(problem));
                    }
                }
            }
            else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                try (Writer writer = response.getReporter()) {
                    if (writer != null) {
                        writer.write(page(status, locale));
                    }
                }
            }
            response.finishResponse();
        }
        catch (IOException | IllegalStateException ex) {
            // The client is gone or the response cannot be written: nothing left to tell.
        }
    }

    private String page(HttpStatusCode status, Locale locale) {
        String page = HtmlUtils.htmlEscape(messages.getMessage("error.title", null, locale));
        String heading = HtmlUtils.htmlEscape(text("error." + status.value() + ".title", "error.title", locale));
        String text = HtmlUtils.htmlEscape(text("error." + status.value() + ".text", "error.text", locale));
        String home = HtmlUtils.htmlEscape(messages.getMessage("error.toStart", null, locale));
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"><title>" + page
                + " - Meedoen</title><link rel=\"stylesheet\" href=\"/css/meedoen.css\"></head><body><main><h1>"
                + heading + "</h1><p>" + text + "</p><p><a href=\"/\">" + home + "</a></p></main></body></html>";
    }

    private String text(String key, String fallbackKey, Locale locale) {
        return messages.getMessage(key, null, messages.getMessage(fallbackKey, null, fallbackKey, locale), locale);
    }

    private static int generic(HttpStatusCode status) {
        return status.is5xxServerError() ? HttpStatus.INTERNAL_SERVER_ERROR.value() : HttpStatus.BAD_REQUEST.value();
    }

    /**
     * Puts the valve in the place of the error report valves of the host (Tomcat's and
     * the one Spring Boot adds).
     */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final MessageSource messages;

        Installer(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve(messages));
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

    }

}
