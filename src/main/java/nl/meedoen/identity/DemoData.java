package nl.meedoen.identity;

/**
 * One module's part of the demo setup for one municipality, seeded on start when
 * {@code meedoen.demo} is on. A module contributes it as a bean; the seeding runs each
 * part once per municipality, in the order of the {@link Phase phases}, as that
 * municipality ({@link nl.meedoen.platform.Tenancy}) and in one transaction per part and
 * municipality. A restart seeds nothing twice: a part that is {@link #presentIn present}
 * is skipped.
 */
public interface DemoData {

    /**
     * The order of seeding, by what each phase needs from the ones before it: persons
     * first, then what is about persons.
     */
    enum Phase {

        /** Persons and households (residents). */
        PERSONS,
        /** The housing quota, matches and placements of persons (housing). */
        HOUSING,
        /** Guidance, integration duties, intakes and learning routes (trajectories). */
        TRAJECTORIES,
        /** Partners and their provisions (provisions). */
        DIRECTORY,
        /** Referrals of persons to provisions (referrals). */
        REFERRALS,
        /** Volunteers and buddy matches (network). */
        NETWORK,
        /** Personal plans, which refer to routes, provisions and buddies (plans). */
        PLANS

    }

    Phase phase();

    /**
     * Whether this municipality gets this part at all (some demo data is Sliedrecht's
     * only).
     */
    default boolean appliesTo(Municipality municipality) {
        return true;
    }

    /** Whether the municipality holds this part already. */
    boolean presentIn(Municipality municipality);

    /** Seeds this part for the municipality. */
    void seed(Municipality municipality);

}
