package nl.meedoen.provisions.internal;

import java.util.List;

import nl.meedoen.identity.PartnerOrganisations;

import org.springframework.stereotype.Component;

/**
 * Offers the partner organisations to the account administration, so a partner user can
 * be linked to one.
 */
@Component
class PartnerAccountsDirectory implements PartnerOrganisations {

    private final ProvisionDirectory directory;

    PartnerAccountsDirectory(ProvisionDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<Organisation> all() {
        return directory.partners().stream().map(p -> new Organisation(p.id(), p.name())).toList();
    }

}
