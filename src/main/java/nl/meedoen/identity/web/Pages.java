package nl.meedoen.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The login page, the start page per role and the "geen toegang" page. */
@Controller
class Pages {

    @GetMapping("/inloggen")
    String login() {
        return "login";
    }

    /** The conventional address of a login page, for tools and bookmarks. */
    @GetMapping("/login")
    String conventionalLogin() {
        return CurrentUser.current().isPresent() ? "redirect:/" : "redirect:/inloggen";
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/geen-toegang")
    String noAccess() {
        return "no-access";
    }

    /**
     * What every page's layout needs: the user and the current path (for the navigation).
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
