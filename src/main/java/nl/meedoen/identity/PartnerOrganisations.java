package nl.meedoen.identity;

import java.util.List;
import java.util.UUID;

/**
 * The partner organisations of the current municipality that a partner user can belong
 * to. Implemented by the module that keeps the organisations; without it, no partner
 * account can be linked.
 */
public interface PartnerOrganisations {

    /** An organisation as the account administration shows it. */
    record Organisation(UUID id, String name) {
    }

    /** The organisations of the current municipality, by name. */
    List<Organisation> all();

}
