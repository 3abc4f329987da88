package nl.meedoen.network;

import java.util.Map;
import java.util.UUID;

/**
 * What other modules may know of a person's own network (for the OWN_NETWORK spearhead
 * and the isolation signal): how many contacts the person has, without who they are.
 * Counts the contacts recorded that have not ended and the buddy matches that were
 * introduced or are active. A person of another municipality has none.
 */
public interface Networks {

    /** The number of current contacts of a person of the current municipality. */
    int contactCount(UUID personId);

    /**
     * The same count per kind; buddy matches count as {@link ContactKind#BUDDY}. Kinds
     * without contacts are absent.
     */
    Map<ContactKind, Integer> contactCountByKind(UUID personId);

}
