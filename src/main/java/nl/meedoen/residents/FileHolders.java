package nl.meedoen.residents;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Who holds a person's file: the caseworker of record, whom the trajectories module
 * assigns. The person list shows the holder and, for a caseworker, only the files they
 * hold unless they ask for the whole team.
 */
public interface FileHolders {

    /**
     * A condition on the person whose id is the column {@code p.id}: held by the user
     * {@code :holder} (uuid). It may read {@code :m} (the municipality, uuid).
     */
    String heldBy();

    /** The holder's name per person, for the persons that have one. */
    Map<UUID, String> holders(Collection<UUID> personIds);

}
