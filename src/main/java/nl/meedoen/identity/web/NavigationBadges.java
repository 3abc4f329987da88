package nl.meedoen.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the navigation's badges ({@code navBadges}) in the model of a page that is shown:
 * after the handler, so an API answer, a download or a redirect counts nothing (as a
 * model attribute of every controller the counts also ran for every call of the REST API,
 * which is annotated {@code @Controller} too). The start page sets its own from the
 * counts it shows.
 */
class NavigationBadges implements HandlerInterceptor {

    static final String ATTRIBUTE = "navBadges";

    private final StartPage startPage;

    NavigationBadges(StartPage startPage) {
        this.startPage = startPage;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView modelAndView) {
        if (modelAndView == null || !"GET".equals(request.getMethod())
                || modelAndView.getModelMap().containsAttribute(ATTRIBUTE) || !rendersPage(modelAndView)) {
            return;
        }
        CurrentUser.current()
            .ifPresent(user -> modelAndView.addObject(ATTRIBUTE,
                    startPage.navigationBadges(user, startPage.previousVisit(user))));
    }

    private static boolean rendersPage(ModelAndView modelAndView) {
        String view = modelAndView.getViewName();
        return view != null && !view.startsWith("redirect:") && !view.startsWith("forward:");
    }

    /** Registers the interceptor for every page. */
    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final StartPage startPage;

        Registration(StartPage startPage) {
            this.startPage = startPage;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new NavigationBadges(this.startPage)).excludePathPatterns("/api/**");
        }

    }

}
