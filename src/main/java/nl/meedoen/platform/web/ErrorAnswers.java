package nl.meedoen.platform.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.platform.RequestTrace;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers every error that reaches the servlet container's error page ({@code /error}): a
 * request Spring Security's firewall rejected, an address no handler or resource serves,
 * an error a filter sent. On the API a problem detail in the caller's language, on pages
 * the Dutch error page; never Spring Boot's default answer.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorAnswers implements ErrorController {

    private final ProblemTexts texts;

    ErrorAnswers(ProblemTexts texts) {
        this.texts = texts;
    }

    @RequestMapping
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        if (ApiPaths.isApi(request)) {
            ProblemDetail problem = texts.forStatus(status);
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (uri instanceof String address && !address.isEmpty()) {
                problem.setInstance(URI.create(ProblemTexts.safeInstance(address)));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView view = new ModelAndView("error", status);
        view.addObject("status", status.value());
        view.addObject("retryAfter", response.getHeader(HttpHeaders.RETRY_AFTER));
        RequestTrace.currentId().ifPresent(id -> view.addObject("traceId", id));
        return view;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

}
