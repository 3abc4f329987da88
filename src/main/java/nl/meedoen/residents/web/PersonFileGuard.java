package nl.meedoen.residents.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.internal.Persons;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Need-to-know at the door of every file: a request under {@code /personen/{id}} or
 * {@code /api/v1/persons/{id}} — the pages and API of every module that work on one
 * person — answers 404 before its handler reads a byte of the body when the caller's team
 * may not open that file, exactly like a file that does not exist. Which files a team
 * opens is decided once, by row-level security ({@code person_need_to_know}); this guard
 * asks it, and so do the queries of every module on their own tables. It runs after the
 * role check ({@code platform/web/AuthorizeBeforeBinding}): a role that may never call
 * the operation gets 403 for any id, a role that may gets 404 for a file it may not open.
 */
class PersonFileGuard implements HandlerInterceptor {

    private static final Pattern PERSON_PATH = Pattern
        .compile("^/(?:api/v1/persons|personen)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                + "[0-9a-fA-F]{12})(?:/.*)?$");

    private final Persons persons;

    PersonFileGuard(Persons persons) {
        this.persons = persons;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (Tenancy.teamScope().isEmpty()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher matcher = PERSON_PATH.matcher(path);
        if (matcher.matches() && !persons.opens(UUID.fromString(matcher.group(1)))) {
            throw new NotFoundException();
        }
        return true;
    }

    /** Registers the guard for every handler, after the role check and before binding. */
    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final PersonFileGuard guard;

        Registration(Persons persons) {
            this.guard = new PersonFileGuard(persons);
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this.guard).order(Ordered.HIGHEST_PRECEDENCE + 10);
        }

    }

}
