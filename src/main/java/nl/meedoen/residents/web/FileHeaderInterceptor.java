package nl.meedoen.residents.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the file's header ({@code fileHeader}) in the model of every tab of a person's
 * file, whichever module's handler rendered it: after the handler, so only a page that is
 * shown gets it (the need-to-know guard and the handler's own checks came first), and
 * only for the templates that are tabs of the file ({@link FileHeaders#TAB_OF_VIEW}), so
 * a form, a PDF or a redirect reads nothing for it. The tab templates include
 * {@code residents/header :: fileHeader}.
 */
class FileHeaderInterceptor implements HandlerInterceptor {

    private static final Pattern FILE_PATH = Pattern
        .compile("^/personen/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:/.*)?$");

    private final FileHeaders headers;

    FileHeaderInterceptor(FileHeaders headers) {
        this.headers = headers;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView modelAndView) {
        if (modelAndView == null || modelAndView.getModelMap().containsAttribute("fileHeader")) {
            return;
        }
        String tab = FileHeaders.tabOf(modelAndView.getViewName());
        if (tab == null) {
            return;
        }
        Matcher matcher = FILE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (matcher.matches()) {
            modelAndView.addObject("fileHeader", headers.of(UUID.fromString(matcher.group(1)), tab));
        }
    }

    /** Registers the interceptor for the pages of the file. */
    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final FileHeaders headers;

        Registration(FileHeaders headers) {
            this.headers = headers;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new FileHeaderInterceptor(this.headers)).addPathPatterns("/personen/*/**");
        }

    }

}
