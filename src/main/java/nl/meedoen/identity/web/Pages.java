package nl.meedoen.identity.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.ResidentSignOn;
import nl.meedoen.identity.WorkCounts;
import nl.meedoen.identity.WorkCounts.WorkCount;
import nl.meedoen.platform.Time;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page, the start page per role and the "geen toegang" page. */
@Controller
class Pages {

    private final ObjectProvider<ClientRegistrationRepository> singleSignOn;

    private final StartPage startPage;

    Pages(ObjectProvider<ClientRegistrationRepository> singleSignOn, StartPage startPage) {
        this.singleSignOn = singleSignOn;
        this.startPage = startPage;
    }

    /**
     * The login form, and beside it "Inloggen met …" when single sign-on is configured; a
     * refused single sign-on comes back here with its reason ({@code geweigerd}).
     */
    @GetMapping("/inloggen")
    String login(@RequestParam(required = false) @Nullable String geweigerd, Model model) {
        ClientRegistrationRepository provider = singleSignOn.getIfAvailable();
        ClientRegistration registration = provider == null ? null : provider.findByRegistrationId(SSO);
        model.addAttribute("ssoName", registration == null ? null : registration.getClientName());
        model.addAttribute("ssoLink", "/oauth2/authorization/" + SSO);
        // the resident's DigiD broker, its own client: offered only when configured
        boolean digid = provider != null && provider.findByRegistrationId(ResidentSignOn.REGISTRATION) != null;
        model.addAttribute("digidLink", digid ? "/oauth2/authorization/" + ResidentSignOn.REGISTRATION : null);
        model.addAttribute("refusal",
                geweigerd != null && REFUSALS.contains(geweigerd) ? "login.sso." + geweigerd : null);
        return "login";
    }

    /** The registration id of the identity provider (see {@code SingleSignOn}). */
    private static final String SSO = "sso";

    private static final Set<String> REFUSALS = Set.of("sso_municipality", "sso_role", "sso_disabled", "sso_username",
            "sso_failed", "digid_no_file", "digid_several_files", "digid_no_bsn", "digid_disabled", "digid_failed");

    /** The conventional address of a login page, for tools and bookmarks. */
    @GetMapping("/login")
    String conventionalLogin() {
        return CurrentUser.current().isPresent() ? "redirect:/" : "redirect:/inloggen";
    }

    /**
     * "Mijn werk": per section the counts every module contributes for the user's role,
     * "since the last visit" counting from the previous visit.
     */
    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.current().orElseThrow();
        Instant since = startPage.visit(user);
        Map<WorkCounts.Section, List<WorkCount>> sections = startPage.counts(user, since);
        model.addAttribute("sections", sections);
        model.addAttribute("since", since == null ? null : LocalDateTime.ofInstant(since, Time.ZONE));
        model.addAttribute(NavigationBadges.ATTRIBUTE, startPage.badges(sections));
        return "home";
    }

    @GetMapping("/geen-toegang")
    String noAccess() {
        return "no-access";
    }

    /**
     * What every page's layout needs: the user and the current path (for the navigation).
     * The navigation's badges come after the handler ({@link NavigationBadges}).
     */
    @ControllerAdvice(annotations = Controller.class)
    static class LayoutModel {

        @ModelAttribute("me")
        @Nullable CurrentUser me() {
            return CurrentUser.current().orElse(null);
        }

        @ModelAttribute("currentPath")
        String currentPath(HttpServletRequest request) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }

    }

}
