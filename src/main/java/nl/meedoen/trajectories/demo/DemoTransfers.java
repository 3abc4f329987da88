package nl.meedoen.trajectories.demo;

import java.util.Map;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipality;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.trajectories.internal.Transfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo transfers between the two demo municipalities: each offers the trajectory of its
 * longest registered permit holder to the other, so both teams see a transfer waiting to
 * be taken over and one of their own on its way.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoTransfers implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoTransfers.class);

    /** Who offers to whom, by CBS code: Sliedrecht and Dordrecht. */
    private static final Map<String, String> OFFERS_TO = Map.of(SLIEDRECHT, "0505", "0505", SLIEDRECHT);

    private final Residents residents;

    private final Transfers transfers;

    private final JdbcClient jdbc;

    DemoTransfers(Residents residents, Transfers transfers, JdbcClient jdbc) {
        this.residents = residents;
        this.transfers = transfers;
        this.jdbc = jdbc;
    }

    @Override
    public Phase phase() {
        return Phase.TRAJECTORIES;
    }

    @Override
    public boolean appliesTo(Municipality municipality) {
        return OFFERS_TO.containsKey(municipality.code());
    }

    @Override
    public boolean presentIn(Municipality municipality) {
        return DemoData.hasRows(jdbc, "trajectory_transfer", municipality);
    }

    @Override
    public void seed(Municipality municipality) {
        // The longest registered permit holder: the demo trajectories start with the most
        // recent ones, so this file is nobody else's example.
        residents.ofCategory(Category.PERMIT_HOLDER, 1000)
            .stream()
            .filter(person -> !person.ended())
            .findFirst()
            .map(Resident::id)
            .ifPresent(person -> {
                transfers.offer(person, OFFERS_TO.get(municipality.code()));
                log.info("Demo data: a transfer from {} to {}", municipality.name(),
                        OFFERS_TO.get(municipality.code()));
            });
    }

}
