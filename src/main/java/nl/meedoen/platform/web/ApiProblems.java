package nl.meedoen.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.RequestTrace;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.UnprocessableException;
import nl.meedoen.platform.VersionRequiredException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem details with a {@code detail} in the caller's
 * language (Dutch unless English is asked for) and, for validation errors, an
 * {@code errors} array of {@code {field, message}}. Never a stack trace, never an
 * internal message.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final MessageSource messages;

    private final ProblemTexts texts;

    ApiProblems(MessageSource messages, ProblemTexts texts) {
        this.messages = messages;
        this.texts = texts;
        setMessageSource(messages);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "problem.notFound");
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException ex) {
        return problem(HttpStatus.CONFLICT, ex.messageKey(), ex.arguments());
    }

    @ExceptionHandler(UnprocessableException.class)
    ProblemDetail unprocessable(UnprocessableException ex) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, ex.messageKey());
    }

    @ExceptionHandler({ StaleVersionException.class, OptimisticLockingFailureException.class })
    ProblemDetail stale() {
        return problem(HttpStatus.PRECONDITION_FAILED, "problem.staleVersion");
    }

    @ExceptionHandler(VersionRequiredException.class)
    ProblemDetail versionRequired() {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "problem.versionRequired");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied() {
        return problem(HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException ex) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = ex.errors()
            .stream()
            .map(e -> fieldError(e.field(), messages.getMessage(e.messageKey(), null, e.messageKey(), locale)))
            .toList();
        return validationProblem(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        return validationProblem(List.of(fieldError(ex.getName(), invalidValue(ex.getRequiredType()))));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error while handling an API request", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult()
            .getFieldErrors()
            .forEach(e -> errors.add(fieldError(e.getField(), messages.getMessage(e, locale))));
        ex.getBindingResult()
            .getGlobalErrors()
            .forEach(e -> errors.add(fieldError(e.getObjectName(), messages.getMessage(e, locale))));
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults()
            .forEach(result -> result.getResolvableErrors()
                .forEach(e -> errors
                    .add(fieldError(result.getMethodParameter().getParameterName(), messages.getMessage(e, locale)))));
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = null;
        for (Throwable cause = ex.getCause(); cause != null && jackson == null; cause = cause.getCause()) {
            if (cause instanceof JacksonException found) {
                jackson = found;
            }
        }
        if (jackson != null && !jackson.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (JacksonException.Reference reference : jackson.getPath()) {
                if (reference.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                }
                else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            String message;
            if (jackson instanceof StrictJson.Refusal refusal) {
                message = text(refusal.messageKey(), refusal.arguments());
            }
            else if (jackson instanceof InvalidNullException) {
                message = text("problem.nullItem");
            }
            else {
                message = invalidValue(
                        jackson instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null);
            }
            return ResponseEntity.badRequest().body(validationProblem(List.of(fieldError(field.toString(), message))));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "problem.unreadable"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            texts.translate(problem, ex);
            decorate(problem);
        }
        return response;
    }

    private ProblemDetail validationProblem(List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.validation");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private ProblemDetail problem(HttpStatus status, String key, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(key, arguments));
        problem.setTitle(text("problem.title." + status.value(), new Object[0]));
        return decorate(problem);
    }

    private ProblemDetail decorate(ProblemDetail problem) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create("about:blank"));
        }
        RequestTrace.currentId().ifPresent(id -> problem.setProperty("traceId", id));
        return problem;
    }

    /**
     * What is wrong with a value of the wrong type: the message of
     * {@code typeMismatch.<type>} where the module gives one (it names the choices of an
     * enum in words), else for an enum the general message that lists its constants, else
     * the general one.
     */
    private String invalidValue(@Nullable Class<?> type) {
        if (type == null) {
            return text("problem.invalidValue");
        }
        String worded = messages.getMessage("typeMismatch." + type.getName(), null, null,
                LocaleContextHolder.getLocale());
        if (worded != null) {
            return worded;
        }
        if (type.isEnum()) {
            String choices = Arrays.stream(type.getEnumConstants())
                .map(choice -> ((Enum<?>) choice).name())
                .collect(Collectors.joining(", "));
            return text("problem.invalidChoice", choices);
        }
        return text("problem.invalidValue");
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

}
