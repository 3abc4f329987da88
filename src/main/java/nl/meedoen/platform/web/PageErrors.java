package nl.meedoen.platform.web;

import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.RequestTrace;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on pages: a record that does not exist (or belongs to another municipality)
 * shows the Dutch 404 page; every error page carries the request's trace code instead of
 * technical details. What fails before a controller is chosen goes to
 * {@link ErrorAnswers}.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    /**
     * A missing record, or an address with an id that cannot exist (e.g. /personen/abc).
     */
    @ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
    ModelAndView notFound() {
        ModelAndView view = new ModelAndView("error", HttpStatus.NOT_FOUND);
        view.addObject("status", 404);
        RequestTrace.currentId().ifPresent(id -> view.addObject("traceId", id));
        return view;
    }

}
