package nl.meedoen.work.web;

import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.work.internal.Notifications;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's notifications: the list, opening one (marks it read and goes to the page it
 * points to) and marking all read.
 */
@Controller
class NotificationPages {

    /** How many notifications the list shows. */
    static final int SHOWN = 100;

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notificaties")
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        model.addAttribute("notifications", notifications.latest(me(), SHOWN));
        return "work/notifications";
    }

    /**
     * Opens a notification: marks it read and goes where it points. Reading the
     * notification is its purpose, so a link (not a form) opens it.
     */
    @GetMapping("/notificaties/{id}")
    @PreAuthorize("isAuthenticated()")
    String open(@PathVariable UUID id) {
        return "redirect:" + notifications.open(me(), id).orElseThrow(NotFoundException::new).link();
    }

    @PostMapping("/notificaties/gelezen")
    @PreAuthorize("isAuthenticated()")
    String markAllRead(RedirectAttributes redirect) {
        notifications.markAllRead(me());
        redirect.addFlashAttribute("saved", "work.notifications.allRead");
        return "redirect:/notificaties";
    }

    private static CurrentUser me() {
        return CurrentUser.current().orElseThrow(NotFoundException::new);
    }

}
