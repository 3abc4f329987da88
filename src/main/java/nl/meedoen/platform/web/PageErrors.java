package nl.meedoen.platform.web;

import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.RequestTrace;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on pages: a record that does not exist (or belongs to another municipality)
 * shows the Dutch 404 page; every error page carries the request's trace code instead of
 * technical details. A form sent without a field its handler needs, or with one it cannot
 * read (a hand-made request, a page left open across a change), answers a page of its own
 * with the way back to the form, in any {@code Accept}: never a JSON answer, a 404 or a
 * 500. What fails before a controller is chosen goes to {@link ErrorAnswers}.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    /**
     * A missing record, or an address with an id that cannot exist (e.g. /personen/abc).
     */
    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        ModelAndView view = new ModelAndView("error", HttpStatus.NOT_FOUND);
        view.addObject("status", 404);
        RequestTrace.currentId().ifPresent(id -> view.addObject("traceId", id));
        return view;
    }

    /**
     * An address with an id that cannot exist (/personen/abc) is not found; any other
     * parameter that cannot be read is a form sent incompletely.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        if (ex.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return notFound();
        }
        return incomplete(request);
    }

    @ExceptionHandler({ ServletRequestBindingException.class, TypeMismatchException.class,
            MethodArgumentNotValidException.class, HandlerMethodValidationException.class,
            HttpMessageNotReadableException.class })
    ModelAndView incomplete(Exception ex, HttpServletRequest request) {
        if (ex instanceof MissingPathVariableException) {
            return notFound();
        }
        return incomplete(request);
    }

    private ModelAndView incomplete(HttpServletRequest request) {
        ModelAndView view = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        view.addObject("status", 400);
        view.addObject("incompleteForm", true);
        view.addObject("backTo", backTo(request));
        RequestTrace.currentId().ifPresent(id -> view.addObject("traceId", id));
        return view;
    }

    /**
     * The page the form came from, when it is a page of this application, else the
     * address the form was sent to.
     */
    static String backTo(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                java.net.URI uri = java.net.URI.create(referer);
                String host = uri.getHost();
                String path = uri.getRawPath();
                if ((host == null || host.equalsIgnoreCase(request.getServerName())) && path != null
                        && path.startsWith("/") && !path.startsWith("//") && path.matches("[A-Za-z0-9/_.-]*")) {
                    return path;
                }
            }
            catch (IllegalArgumentException ex) {
                // not an address: fall back to the form's own address
            }
        }
        String path = request.getRequestURI();
        return path.matches("[A-Za-z0-9/_.-]*") ? path : "/";
    }

}
