package nl.meedoen.work.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.work.internal.Notifications;
import nl.meedoen.work.internal.Notifications.Notification;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The user's latest notifications on the start page. */
@ControllerAdvice(basePackages = "nl.meedoen.identity.web")
class StartPageNotifications {

    /** How many the start page lists (the rest are on the notifications page). */
    static final int SHOWN = 5;

    private final Notifications notifications;

    StartPageNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("notifications")
    @Nullable List<Notification> notifications(HttpServletRequest request) {
        if (!"/".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            return null;
        }
        return CurrentUser.current().map(user -> notifications.latest(user, SHOWN)).orElse(null);
    }

}
