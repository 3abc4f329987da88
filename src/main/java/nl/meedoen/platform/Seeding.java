package nl.meedoen.platform;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Whether the current thread writes demo data. The demo setup records thousands of facts
 * through the modules' services on an empty database and evaluates the early signals of
 * each municipality as a whole at its end; events that only ask for a person's signals to
 * be evaluated again are then not published, since each would replan and rerun every rule
 * for one person while the whole run follows anyway.
 */
public final class Seeding {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private Seeding() {
    }

    /** Runs demo seeding work on this thread. */
    public static void run(Runnable work) {
        Boolean previous = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            work.run();
        }
        finally {
            if (previous == null) {
                ACTIVE.remove();
            }
        }
    }

    public static boolean active() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }

    /** Publishes an event, unless the current thread writes demo data. */
    public static void publishUnlessSeeding(ApplicationEventPublisher events, Object event) {
        if (!active()) {
            events.publishEvent(event);
        }
    }

}
