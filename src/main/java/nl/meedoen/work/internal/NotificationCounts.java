package nl.meedoen.work.internal;

import java.time.Instant;
import java.util.List;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.WorkCounts;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** The user's unread notifications on the start page, and as the badge of "Start". */
@Component
class NotificationCounts implements WorkCounts {

    private final Notifications notifications;

    NotificationCounts(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public List<WorkCount> counts(CurrentUser user, @Nullable Instant since) {
        return List
            .of(WorkCount.of(Section.MINE, 0, "work.count.notifications", notifications.unread(user), "/notificaties")
                .withBadgeOn("/"));
    }

}
