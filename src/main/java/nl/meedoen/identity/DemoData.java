package nl.meedoen.identity;

import org.springframework.jdbc.core.simple.JdbcClient;

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
        PLANS,
        /** Signals raised from everything before, and outreach reports (signals). */
        SIGNALS,
        /** The resident's own account and portal data (portal). */
        PORTAL

    }

    Phase phase();

    /**
     * The municipality of the policy note, Sliedrecht (CBS code 0610), which gets the
     * whole demo.
     */
    String SLIEDRECHT = "0610";

    /**
     * Sliedrecht's second caseworker team in the demo, with its own caseload (a share of
     * the households) and the account {@code begeleider.oost}.
     */
    String EAST_TEAM = "Team Oost";

    /**
     * Whether this municipality gets this part. By default only Sliedrecht does: the
     * other demo municipality is there to show that municipalities never see each other's
     * data.
     */
    default boolean appliesTo(Municipality municipality) {
        return SLIEDRECHT.equals(municipality.code());
    }

    /** Whether the municipality holds this part already. */
    boolean presentIn(Municipality municipality);

    /**
     * Whether the module's table holds a row of the municipality: how most parts tell
     * that they are there already.
     */
    static boolean hasRows(JdbcClient jdbc, String table, Municipality municipality) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        return jdbc.sql("select exists (select 1 from " + table + " where municipality_id = :m)")
            .param("m", municipality.id())
            .query(Boolean.class)
            .single();
    }

    /** Seeds this part for the municipality. */
    void seed(Municipality municipality);

}
