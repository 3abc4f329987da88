package nl.meedoen.identity;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One module's part of the start page "Mijn werk": counts of what waits for the user,
 * each linking to the list it counts. A module that owns the facts implements it as a
 * bean, with set-based counts of its own tables for the user's role, team and
 * municipality; the start page and the navigation badges collect every contribution, so a
 * module that lands later (the resident portal's messages) lights up without the start
 * page knowing it. A count never names a person.
 */
public interface WorkCounts {

    /**
     * The counts for the user, or none for a role the module has nothing for.
     * @param user the logged-in user
     * @param since the start of the user's previous visit to the start page, for "since
     * the last visit" counts, or {@code null} on the first visit
     */
    List<WorkCount> counts(CurrentUser user, @Nullable Instant since);

    /**
     * Only the counts shown as badges in the navigation (those with a
     * {@link WorkCount#navPath()}), the same numbers as {@link #counts} gives for them. A
     * module whose start page counts anything beyond its badges answers these with
     * queries of their own that count only what the badges show; the default takes them
     * from {@link #counts}, for a module whose counts are all badges.
     */
    default List<WorkCount> badges(CurrentUser user, @Nullable Instant since) {
        return counts(user, since).stream().filter(count -> count.navPath() != null).toList();
    }

    /** The group of the start page a count belongs to, in the order they are shown. */
    enum Section {

        /** The user's own work. */
        MINE,
        /** The team's work, for a team lead. */
        TEAM,
        /** A partner organisation's work. */
        PARTNER,
        /** The volunteer coordinator's work. */
        NETWORK

    }

    /**
     * A count on the start page.
     *
     * @param section the group it belongs to
     * @param position its place within the group (lower first)
     * @param messageKey the message that words it, with the count as its argument
     * {@code {0}}
     * @param count the number
     * @param link the list it counts, a path in the product
     * @param navPath the navigation link whose badge shows this count, or {@code null}
     * for none
     */
    record WorkCount(Section section, int position, String messageKey, long count, String link,
            @Nullable String navPath) {

        /** A count on the start page only. */
        public static WorkCount of(Section section, int position, String messageKey, long count, String link) {
            return new WorkCount(section, position, messageKey, count, link, null);
        }

        /** The same count, shown also as a badge on the navigation link of the path. */
        public WorkCount withBadgeOn(String path) {
            return new WorkCount(section, position, messageKey, count, link, path);
        }

    }

}
