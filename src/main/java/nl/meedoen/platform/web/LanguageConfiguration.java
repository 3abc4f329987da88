package nl.meedoen.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Dutch first. Pages are Dutch unless the user chose English ({@code ?taal=en} or
 * {@code ?lang=en}, remembered in a cookie); the API follows {@code Accept-Language} and
 * answers in Dutch for anything but English, also for a malformed header.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    static final Locale DUTCH = Locale.forLanguageTag("nl");

    static final List<Locale> SUPPORTED = List.of(DUTCH, Locale.ENGLISH);

    /**
     * The language of an API answer: English when the caller's most preferred language is
     * English, Dutch for anything else, also for a header that is not well-formed
     * ({@code *;q=-1}) and cannot be ranked.
     */
    static Locale apiLocale(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DUTCH;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage)
                .stream()
                .filter(range -> range.getWeight() > 0 && !range.getRange().startsWith("*"))
                .findFirst()
                .map(range -> Locale.forLanguageTag(range.getRange()).getLanguage())
                .filter(Locale.ENGLISH.getLanguage()::equals)
                .map(language -> Locale.ENGLISH)
                .orElse(DUTCH);
        }
        catch (IllegalArgumentException ex) {
            return DUTCH;
        }
    }

    @Bean
    LocaleResolver localeResolver() {
        return new DutchFirstLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // ?taal=en, and the ?lang=en a visitor from elsewhere tries first
        for (String parameter : List.of("taal", "lang")) {
            LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
            interceptor.setParamName(parameter);
            interceptor.setIgnoreInvalidLocale(true);
            registry.addInterceptor(interceptor);
        }
    }

    static final class DutchFirstLocaleResolver extends CookieLocaleResolver {

        DutchFirstLocaleResolver() {
            super("meedoen-taal");
            setDefaultLocaleFunction(DutchFirstLocaleResolver::fromHeaderOnApi);
        }

        private static Locale fromHeaderOnApi(HttpServletRequest request) {
            return ApiPaths.isApi(request) ? apiLocale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)) : DUTCH;
        }

        @Override
        public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
                @Nullable Locale locale) {
            boolean supported = locale != null
                    && SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
            super.setLocale(request, response, supported ? Locale.forLanguageTag(locale.getLanguage()) : DUTCH);
        }

    }

}
