package nl.meedoen.platform.web;

import java.lang.reflect.Method;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's {@code @PreAuthorize} (on the method or its class) before its
 * arguments are read, so a caller who may not use an operation gets 403 whatever the
 * body, never a validation answer first. The annotation stays the one source of truth:
 * Spring Security's own manager evaluates it; method security still checks it again at
 * the call. A refusal is an {@code AccessDeniedException} and answers as any other: a
 * problem detail on the API, the "geen toegang" page on pages. It runs before every other
 * interceptor, the need-to-know guard of the files included: the role decides first, so
 * the answer to a role that may not call an operation is 403 whatever the id.
 */
class AuthorizeBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

    AuthorizeBeforeBinding(ApplicationContext context, ObjectProvider<MethodSecurityExpressionHandler> expressions) {
        this.manager.setApplicationContext(context);
        expressions.ifAvailable(this.manager::setExpressionHandler);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Method target = method.getMethod();
            Object[] noArguments = new Object[target.getParameterCount()];
            this.manager.verify(() -> SecurityContextHolder.getContext().getAuthentication(),
                    new SimpleMethodInvocation(method.getBean(), target, noArguments));
        }
        return true;
    }

    /** Registers the check for every handler. */
    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final AuthorizeBeforeBinding check;

        Registration(ApplicationContext context, ObjectProvider<MethodSecurityExpressionHandler> expressions) {
            this.check = new AuthorizeBeforeBinding(context, expressions);
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            // First of all interceptors: a role that may never call the operation gets
            // 403 for every id, before a need-to-know guard could tell which ids exist.
            registry.addInterceptor(this.check).order(Ordered.HIGHEST_PRECEDENCE);
        }

    }

}
