package nl.meedoen.network.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.network.ContactKind;
import nl.meedoen.network.NetworkContactAdded;
import nl.meedoen.network.NetworkContactEnded;
import nl.meedoen.network.Networks;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Seeding;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own network: family, friends, buddies, people with a similar background and
 * contacts at clubs, as the caseworker records them. Together with the buddy matches that
 * were introduced or are active they make the count that other modules read through
 * {@link Networks}.
 */
@Service
public class Contacts implements Networks {

    /** A contact as recorded. */
    public record Contact(UUID id, ContactKind kind, String name, @Nullable String note, @Nullable LocalDate since,
            @Nullable LocalDate endedOn) {

        public boolean current() {
            return endedOn == null;
        }
    }

    private final JdbcClient jdbc;

    private final Residents residents;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    Contacts(JdbcClient jdbc, Residents residents, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.residents = residents;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UUID add(UUID personId, ContactKind kind, String name, @Nullable String note, @Nullable LocalDate since) {
        residents.find(personId).orElseThrow(NotFoundException::new);
        if (since != null && since.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("since", "date.future");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into person_contact (id, municipality_id, person_id, kind, name, note, since)
                values (:id, :m, :p, :kind, :name, :note, :since)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("kind", kind.name())
            .param("name", name.strip())
            .param("note", Volunteers.blankToNull(note))
            .param("since", since)
            .update();
        audit.record(AuditAction.NETWORK_UPDATE, personId);
        Seeding.publishUnlessSeeding(events, new NetworkContactAdded(Tenancy.require(), personId, id, kind, since));
        return id;
    }

    /** Ends a contact (it is kept, no longer counted). */
    @Transactional
    public void end(UUID personId, UUID contactId, LocalDate endedOn) {
        int changed = jdbc.sql("""
                update person_contact set ended_on = :on
                where municipality_id = :m and person_id = :p and id = :id and ended_on is null""")
            .param("on", endedOn)
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("id", contactId)
            .update();
        if (changed == 0) {
            throw new NotFoundException();
        }
        audit.record(AuditAction.NETWORK_UPDATE, personId);
        Seeding.publishUnlessSeeding(events, new NetworkContactEnded(Tenancy.require(), personId, contactId, endedOn));
    }

    /** The person's contacts, current ones first. */
    @Transactional(readOnly = true)
    public List<Contact> ofPerson(UUID personId) {
        residents.find(personId).orElseThrow(NotFoundException::new);
        return jdbc.sql("""
                select id, kind, name, note, since, ended_on from person_contact
                where municipality_id = :m and person_id = :p order by (ended_on is not null), kind, name""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query((rs, n) -> new Contact(rs.getObject(1, UUID.class), ContactKind.valueOf(rs.getString(2)),
                    rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                    rs.getObject(6, LocalDate.class)))
            .list();
    }

    @Override
    @Transactional(readOnly = true)
    public int contactCount(UUID personId) {
        return contactCountByKind(personId).values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<ContactKind, Integer> contactCountByKind(UUID personId) {
        Map<ContactKind, Integer> counts = new EnumMap<>(ContactKind.class);
        jdbc.sql("""
                select kind, count(*) from (
                    select kind from person_contact where municipality_id = :m and person_id = :p and ended_on is null
                    union all
                    select 'BUDDY' from buddy_match where municipality_id = :m and person_id = :p
                                       and status in ('INTRODUCED', 'ACTIVE')) c
                group by kind""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query((rs, n) -> counts.put(ContactKind.valueOf(rs.getString(1)), rs.getInt(2)))
            .list();
        return counts;
    }

}
