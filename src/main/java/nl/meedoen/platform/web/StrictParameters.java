package nl.meedoen.platform.web;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Query and form parameters obey the same rule as JSON text ({@link StrictJson}): no
 * control character other than tab, newline and carriage return. Checked before the
 * handler runs, so no search or filter ever hands such a value to the database. On the
 * API a 400 names the parameter; on a page address (a search, a filter) the Dutch error
 * page answers. A form a page posts shows the refusal beside its field instead
 * ({@link StrictForms}).
 */
class StrictParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        boolean api = ApiPaths.isApi(request);
        if (!(handler instanceof HandlerMethod) || request.getDispatcherType() != DispatcherType.REQUEST
                || (!api && !"GET".equals(request.getMethod()))) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String refused = refusal(parameter.getKey(), parameter.getValue());
            if (refused != null) {
                if (api) {
                    throw new InvalidInputException(parameter.getKey(), refused);
                }
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return false;
            }
        }
        return true;
    }

    private static @Nullable String refusal(String name, String[] values) {
        if (StrictJson.hasForbiddenCharacter(name)) {
            return "problem.forbiddenCharacter";
        }
        for (String value : values) {
            if (value != null && StrictJson.hasForbiddenCharacter(value)) {
                return "problem.forbiddenCharacter";
            }
        }
        return null;
    }

}
