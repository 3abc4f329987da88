package nl.meedoen.platform.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.platform.RequestTrace;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An API address that does not exist, or a method it does not allow, has no controller to
 * take the error; it still answers with problem details in the caller's language. Outside
 * {@code /api/} the error pages take over.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmappedApiProblems {

    private final MessageSource messages;

    UnmappedApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class })
    ResponseEntity<ProblemDetail> unmapped(Exception ex, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw ex;
        }
        boolean notFound = ex instanceof NoResourceFoundException;
        HttpStatus status = notFound ? HttpStatus.NOT_FOUND : HttpStatus.METHOD_NOT_ALLOWED;
        String key = "problemDetail." + ex.getClass().getName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, LocaleContextHolder.getLocale()));
        problem.setInstance(URI.create(request.getRequestURI()));
        RequestTrace.currentId().ifPresent(id -> problem.setProperty("traceId", id));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (ex instanceof HttpRequestMethodNotSupportedException methods && methods.getSupportedHttpMethods() != null) {
            response.allow(methods.getSupportedHttpMethods().toArray(HttpMethod[]::new));
        }
        return response.body(problem);
    }

}
