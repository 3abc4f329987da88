package nl.meedoen.platform.web;

import java.net.URI;
import java.util.Locale;

import nl.meedoen.platform.RequestTrace;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

/**
 * The words of a problem detail: a title per status ({@code problem.title.<status>}) and,
 * where no message names the error, a detail per status
 * ({@code problem.status.<status>}), both in the caller's language, plus the request's
 * trace id.
 */
@Component
class ProblemTexts {

    private final MessageSource messages;

    ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    ProblemDetail forStatus(HttpStatusCode status) {
        return forStatus(status, LocaleContextHolder.getLocale());
    }

    ProblemDetail forStatus(HttpStatusCode status, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, statusDetail(status, locale));
        problem.setTitle(title(status, locale));
        problem.setType(URI.create("about:blank"));
        traceId(problem);
        return problem;
    }

    void traceId(ProblemDetail problem) {
        RequestTrace.currentId().ifPresent(id -> problem.setProperty("traceId", id));
    }

    /**
     * Translates what Spring wrote for one of its own errors: the title always, the
     * detail when no {@code problemDetail.<exception>} message words it.
     */
    void translate(ProblemDetail problem, Exception ex) {
        Locale locale = LocaleContextHolder.getLocale();
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        problem.setTitle(title(status, locale));
        String key = ErrorResponse.getDefaultDetailMessageCode(ex.getClass(), null);
        if (messages.getMessage(key, null, null, locale) == null) {
            problem.setDetail(statusDetail(status, locale));
        }
    }

    String title(HttpStatusCode status, Locale locale) {
        return text("problem.title." + status.value(), "problem.title." + generic(status), locale);
    }

    private String statusDetail(HttpStatusCode status, Locale locale) {
        return text("problem.status." + status.value(), "problem.status." + generic(status), locale);
    }

    private String text(String key, String fallbackKey, Locale locale) {
        String fallback = messages.getMessage(fallbackKey, null, fallbackKey, locale);
        return messages.getMessage(key, null, fallback, locale);
    }

    private static int generic(HttpStatusCode status) {
        return status.is5xxServerError() ? HttpStatus.INTERNAL_SERVER_ERROR.value() : HttpStatus.BAD_REQUEST.value();
    }

    /** An address as an {@code instance}, whatever characters a caller put in it. */
    static String safeInstance(String address) {
        try {
            return URI.create(address).toString();
        }
        catch (IllegalArgumentException ex) {
            return "about:blank";
        }
    }

}
