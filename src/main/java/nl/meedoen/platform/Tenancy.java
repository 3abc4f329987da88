package nl.meedoen.platform;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The municipality on whose behalf the current thread works. Requests take it from the
 * logged-in user (see {@link TenantResolver}); background work (demo data, jobs) declares
 * it explicitly with {@link #runAs}.
 */
public final class Tenancy {

    private static final ThreadLocal<UUID> EXPLICIT = new ThreadLocal<>();

    private static volatile TenantResolver resolver = Optional::empty;

    private Tenancy() {
    }

    static void useResolver(TenantResolver tenantResolver) {
        resolver = tenantResolver;
    }

    /** The municipality of the current work, if there is one. */
    public static Optional<UUID> current() {
        UUID explicit = EXPLICIT.get();
        return explicit != null ? Optional.of(explicit) : resolver.currentMunicipality();
    }

    /**
     * The team to whose files the current work is limited (need-to-know): the logged-in
     * caseworker's or team lead's team. Work that declared its municipality with
     * {@link #runAs} is the system's (demo data, jobs, event handlers) and has none.
     */
    public static Optional<UUID> teamScope() {
        return EXPLICIT.get() != null ? Optional.empty() : resolver.currentTeamScope();
    }

    /**
     * The municipality of the current work; fails when there is none (a programming
     * error, never user input).
     */
    public static UUID require() {
        return current().orElseThrow(() -> new IllegalStateException("No municipality for the current work"));
    }

    public static <T> T runAs(UUID municipalityId, Supplier<T> work) {
        UUID previous = EXPLICIT.get();
        EXPLICIT.set(municipalityId);
        try {
            return work.get();
        }
        finally {
            if (previous == null) {
                EXPLICIT.remove();
            }
            else {
                EXPLICIT.set(previous);
            }
        }
    }

    public static void runAs(UUID municipalityId, Runnable work) {
        runAs(municipalityId, () -> {
            work.run();
            return null;
        });
    }

}
