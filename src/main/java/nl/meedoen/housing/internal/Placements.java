package nl.meedoen.housing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.housing.HouseholdHoused;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.Seeding;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placements: matched persons get the keys to a home. Each person housed counts toward
 * the period that contains the key handover date. A person is placed once, and never
 * before the date they were matched.
 */
@Service
public class Placements {

    /** A placement as stored. */
    public record Placement(UUID id, LocalDate keyHandoverDate, @Nullable String address, List<UUID> personIds) {
    }

    private final JdbcClient jdbc;

    private final Residents residents;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    Placements(JdbcClient jdbc, Residents residents, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.residents = residents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Places the persons on a key handover that has taken place; a blank address is no
     * address.
     */
    @Transactional
    public Placement place(List<UUID> personIds, LocalDate keyHandoverDate, @Nullable String address) {
        if (keyHandoverDate.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("keyHandoverDate", "date.future");
        }
        UUID municipality = Tenancy.require();
        String tidied = address == null || address.isBlank() ? null : address.strip();
        Matches.requireKnownPersons(residents, personIds);
        List<LocalDate> matchDates = jdbc.sql("""
                select m.match_date from housing_match_person mp
                join housing_match m on m.id = mp.match_id and m.municipality_id = mp.municipality_id
                where mp.municipality_id = :m and mp.person_id in (:ids) and not mp.cancelled""")
            .param("m", municipality)
            .param("ids", personIds)
            .query(LocalDate.class)
            .list();
        if (matchDates.size() != personIds.size()) {
            throw new ConflictException("housing.placement.notMatched");
        }
        boolean placedBefore = jdbc
            .sql("""
                    select exists (select 1 from housing_placement_person where municipality_id = :m and person_id in (:ids))""")
            .param("m", municipality)
            .param("ids", personIds)
            .query(Boolean.class)
            .single();
        if (placedBefore) {
            throw new ConflictException("housing.placement.alreadyPlaced");
        }
        if (matchDates.stream().anyMatch(keyHandoverDate::isBefore)) {
            throw new InvalidInputException("keyHandoverDate", "housing.placement.beforeMatch");
        }
        Placement placement = new Placement(UUID.randomUUID(), keyHandoverDate, tidied, List.copyOf(personIds));
        jdbc.sql("""
                insert into housing_placement (id, municipality_id, key_handover_date, address)
                values (:id, :m, :date, :address)""")
            .param("id", placement.id())
            .param("m", municipality)
            .param("date", keyHandoverDate)
            .param("address", tidied)
            .update();
        for (UUID personId : personIds) {
            try {
                jdbc.sql("""
                        insert into housing_placement_person (municipality_id, placement_id, person_id)
                        values (:m, :placement, :p)""")
                    .param("m", municipality)
                    .param("placement", placement.id())
                    .param("p", personId)
                    .update();
            }
            catch (DuplicateKeyException ex) {
                throw new ConflictException("housing.placement.alreadyPlaced");
            }
            audit.record(AuditAction.PLACEMENT, personId);
        }
        List<UUID> matchPersons = jdbc.sql("""
                select distinct others.person_id from housing_match_person mp
                    join housing_match_person others on others.municipality_id = mp.municipality_id
                        and others.match_id = mp.match_id
                where mp.municipality_id = :m and mp.person_id in (:ids) and not mp.cancelled""")
            .param("m", municipality)
            .param("ids", personIds)
            .query(UUID.class)
            .list();
        Seeding.publishUnlessSeeding(events,
                new HouseholdHoused(municipality, placement.id(), personIds, keyHandoverDate, matchPersons));
        return placement;
    }

}
