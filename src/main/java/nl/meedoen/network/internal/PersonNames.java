package nl.meedoen.network.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names of persons shown on the network pages; each person shown is logged as a read
 * of their network.
 */
@Component
public class PersonNames {

    private final Residents residents;

    private final NetworkLog networkLog;

    PersonNames(Residents residents, NetworkLog networkLog) {
        this.residents = residents;
        this.networkLog = networkLog;
    }

    @Transactional
    public Map<UUID, String> shown(Collection<UUID> personIds) {
        Map<UUID, String> names = new HashMap<>();
        for (Resident r : residents.findAll(List.copyOf(new java.util.LinkedHashSet<>(personIds)))) {
            names.put(r.id(), r.name());
            networkLog.log(AuditAction.NETWORK_READ, r.id());
        }
        return names;
    }

}
