package nl.meedoen.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;

/** What every page of Mijn Meedoen needs in its model: the texts and the languages. */
final class PortalPage {

    private PortalPage() {
    }

    /** The texts and the language of the page. */
    static Locale texts(HttpServletRequest request, Model model) {
        Locale locale = PortalLanguage.of(request);
        model.addAttribute("t", new Texts(locale));
        model.addAttribute("languages", PortalLanguage.SUPPORTED);
        model.addAttribute("autonyms", PortalLanguage.AUTONYMS);
        model.addAttribute("path", request.getRequestURI().substring(request.getContextPath().length()));
        return locale;
    }

}
