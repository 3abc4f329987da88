package nl.meedoen.platform.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What the handler mapping refuses before a controller is chosen (an address that does
 * not exist, a method, content type or answer format it does not serve) has no controller
 * to take the error; on the API it still answers with problem details in the caller's
 * language, with the headers Spring gives it ({@code Allow}, {@code Accept}). Outside
 * {@code /api/} the error pages take over.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmappedApiProblems {

    private final MessageSource messages;

    private final ProblemTexts texts;

    UnmappedApiProblems(MessageSource messages, ProblemTexts texts) {
        this.messages = messages;
        this.texts = texts;
    }

    @ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class })
    ResponseEntity<ProblemDetail> unmapped(Exception ex, HttpServletRequest request) throws Exception {
        if (!ApiPaths.isApi(request) || !(ex instanceof ErrorResponse error)) {
            throw ex;
        }
        ProblemDetail problem = error.updateAndGetBody(messages, LocaleContextHolder.getLocale());
        texts.translate(problem, ex);
        problem.setType(URI.create("about:blank"));
        problem.setInstance(URI.create(ProblemTexts.safeInstance(request.getRequestURI())));
        texts.traceId(problem);
        return ResponseEntity.status(error.getStatusCode())
            .headers(error.getHeaders())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }

}
