package nl.meedoen.monitoring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The policy officer's start page is the monitor: {@code /} leads there. */
@Configuration(proxyBeanMethods = false)
class MonitorStartPage implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                if ("GET".equals(request.getMethod())
                        && CurrentUser.current().filter(user -> user.hasRole(Role.POLICY_OFFICER)).isPresent()) {
                    response.sendRedirect(request.getContextPath() + "/monitor");
                    return false;
                }
                return true;
            }
        }).addPathPatterns("/");
    }

}
