package nl.meedoen.portal.web;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.OwnData;
import nl.meedoen.audit.ShowsNoPersonData;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.portal.internal.PortalReads;
import nl.meedoen.portal.internal.ResidentFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of Mijn Meedoen (mobile first, no JavaScript needed): the overview, what
 * Meedoen holds about me, who looked at my file, and the language choice, remembered in a
 * cookie for a year.
 */
@Controller
class MyPages {

    private final ResidentFiles files;

    private final PortalReads reads;

    private final AuditLog audit;

    private final OwnData ownData;

    MyPages(ResidentFiles files, PortalReads reads, AuditLog audit, OwnData ownData) {
        this.files = files;
        this.reads = reads;
        this.audit = audit;
        this.ownData = ownData;
    }

    /**
     * What Meedoen holds about me: the own copy of the subject-access export, by part,
     * with the downloads (JSON and the letter as PDF, {@code /api/v1/my/data}).
     */
    @ShowsPersonData
    @PreAuthorize("hasRole('RESIDENT')")
    @GetMapping("/mijn/gegevens")
    String myData(HttpServletRequest request, Model model) {
        UUID person = files.current();
        Locale locale = texts(request, model);
        model.addAttribute("view", MyDataView.of(ownData.of(person), locale));
        audit.read(AuditAction.PORTAL_READ, person);
        return "portal/my-data";
    }

    @ShowsPersonData
    @PreAuthorize("hasRole('RESIDENT')")
    @GetMapping("/mijn")
    String overview(HttpServletRequest request, Model model) {
        UUID person = files.current();
        Locale locale = texts(request, model);
        model.addAttribute("view", PortalView.overview(reads, person, locale));
        audit.read(AuditAction.PORTAL_READ, person);
        return "portal/overview";
    }

    @ShowsPersonData
    @PreAuthorize("hasRole('RESIDENT')")
    @GetMapping("/mijn/inzage")
    String accessLog(HttpServletRequest request, Model model) {
        UUID person = files.current();
        Locale locale = texts(request, model);
        model.addAttribute("view", AccessView.of(reads, person, locale));
        audit.read(AuditAction.PORTAL_READ, person);
        return "portal/access-log";
    }

    /**
     * Chooses the portal's language and goes back to the page it was chosen on (an
     * address of Mijn Meedoen only).
     */
    @ShowsNoPersonData("the choice of a language")
    @GetMapping("/mijn/taal")
    String language(@RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String terug, HttpServletResponse response) {
        PortalLanguage.of(code)
            .ifPresent(locale -> response.addHeader(HttpHeaders.SET_COOKIE,
                    ResponseCookie.from(PortalLanguage.COOKIE, locale.toLanguageTag())
                        .path("/")
                        .maxAge(Duration.ofDays(365))
                        .httpOnly(true)
                        .sameSite("Lax")
                        .build()
                        .toString()));
        String back = terug != null && terug.matches("/mijn(/[a-z0-9/-]*)?") ? terug : "/mijn";
        return "redirect:" + back;
    }

    static Locale texts(HttpServletRequest request, Model model) {
        return PortalPage.texts(request, model);
    }

}
