package nl.meedoen.exchange.web;

import java.util.Locale;

import nl.meedoen.exchange.internal.BrpException;
import nl.meedoen.platform.RequestTrace;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What the population register's failures answer: the status (503 not set up or busy, 502
 * unreachable, no answer in time, a 5xx or Meedoen refused, 422 the register refused the
 * question) and the caseworker's message, shared by the API and the pages.
 */
final class BrpProblems {

    private BrpProblems() {
    }

    static HttpStatus status(BrpException ex) {
        return switch (ex.kind()) {
            case NOT_SET_UP, BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
            case UNAVAILABLE, NOT_AUTHORISED -> HttpStatus.BAD_GATEWAY;
            case REFUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    static String message(MessageSource messages, BrpException ex, Locale locale) {
        String title = ex.registerTitle() == null ? "" : ex.registerTitle();
        Object[] arguments = { ex.registerStatus() == null ? "" : ex.registerStatus(), title };
        return messages.getMessage(ex.messageKey(), arguments, ex.messageKey(), locale);
    }

    static ProblemDetail problem(MessageSource messages, BrpException ex, Locale locale) {
        HttpStatus status = status(ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(messages, ex, locale));
        problem.setTitle(messages.getMessage("exchange.brp.problem.title", null, "BRP", locale));
        problem.setProperty("reason", ex.kind().name());
        if (ex.registerStatus() != null) {
            problem.setProperty("registerStatus", ex.registerStatus());
        }
        if (ex.registerCode() != null) {
            problem.setProperty("registerCode", ex.registerCode());
        }
        RequestTrace.currentId().ifPresent(id -> problem.setProperty("traceId", id));
        return problem;
    }

}
