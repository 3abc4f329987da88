package nl.meedoen.housing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.housing.HouseholdMatched;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Seeding;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.residents.Residents;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * COA matches (koppelingen): persons or a household matched to the municipality on a
 * date. The deadlines follow from the municipality's rules on that date and stay as they
 * were set. A person is matched once.
 */
@Service
public class Matches {

    static final int MAX_PERSONS = 30;

    /** A match as stored. */
    public record Match(UUID id, LocalDate matchDate, LocalDate housingDeadline, LocalDate moveDeadline,
            boolean familyReunification, List<UUID> personIds) {
    }

    /**
     * A match on the waiting list: its persons not yet housed, and the days left until
     * the housing deadline.
     */
    public record Waiting(UUID matchId, LocalDate matchDate, LocalDate housingDeadline, LocalDate moveDeadline,
            boolean familyReunification, List<Resident> persons, long daysLeft) {

        public boolean overdue() {
            return daysLeft < 0;
        }
    }

    private final JdbcClient jdbc;

    private final Residents residents;

    private final HousingSettings settings;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    Matches(JdbcClient jdbc, Residents residents, HousingSettings settings, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.residents = residents;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Match match(List<UUID> personIds, LocalDate matchDate, boolean familyReunification) {
        if (matchDate.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("matchDate", "date.future");
        }
        UUID municipality = Tenancy.require();
        requireKnownPersons(residents, personIds);
        HousingSettings.Rules rules = settings.current();
        Match match = new Match(UUID.randomUUID(), matchDate, rules.housingDeadline(matchDate),
                rules.moveDeadline(matchDate), familyReunification, List.copyOf(personIds));
        jdbc.sql("""
                insert into housing_match (id, municipality_id, match_date, housing_deadline, move_deadline,
                    family_reunification)
                values (:id, :m, :date, :housing, :move, :reunification)""")
            .param("id", match.id())
            .param("m", municipality)
            .param("date", matchDate)
            .param("housing", match.housingDeadline())
            .param("move", match.moveDeadline())
            .param("reunification", familyReunification)
            .update();
        for (UUID personId : personIds) {
            try {
                jdbc.sql(
                        "insert into housing_match_person (municipality_id, match_id, person_id) values (:m, :match, :p)")
                    .param("m", municipality)
                    .param("match", match.id())
                    .param("p", personId)
                    .update();
            }
            catch (DuplicateKeyException ex) {
                throw new ConflictException("housing.match.alreadyMatched");
            }
            audit.record(AuditAction.MATCH, personId);
        }
        Seeding.publishUnlessSeeding(events,
                new HouseholdMatched(municipality, match.id(), personIds, matchDate, match.housingDeadline()));
        return match;
    }

    /**
     * The match with its persons not yet housed, if it is of the current municipality.
     */
    @Transactional(readOnly = true)
    public Optional<Waiting> open(UUID matchId) {
        return waiting(LocalDate.now(clock), matchId).stream().findFirst();
    }

    /**
     * Matches with persons not yet housed, the earliest housing deadline (so the overdue
     * ones) first, with the days left as of today.
     */
    @Transactional(readOnly = true)
    public List<Waiting> waitingList() {
        return waiting(LocalDate.now(clock), null);
    }

    private List<Waiting> waiting(LocalDate today, UUID onlyMatch) {
        record Row(UUID id, LocalDate matchDate, LocalDate housingDeadline, LocalDate moveDeadline,
                boolean familyReunification, UUID personId) {
        }
        List<Row> rows = jdbc.sql("""
                select m.id, m.match_date, m.housing_deadline, m.move_deadline, m.family_reunification, mp.person_id
                from housing_match m
                join housing_match_person mp on mp.match_id = m.id and mp.municipality_id = m.municipality_id
                    and not mp.cancelled
                where m.municipality_id = :m and (cast(:only as uuid) is null or m.id = cast(:only as uuid))
                  and not exists (select 1 from housing_placement_person pp
                                  where pp.municipality_id = mp.municipality_id and pp.person_id = mp.person_id)
                order by m.housing_deadline, m.match_date, m.id
                """)
            .param("m", Tenancy.require())
            .param("only", onlyMatch == null ? null : onlyMatch.toString())
            .query(Row.class)
            .list();
        Map<UUID, Resident> persons = new LinkedHashMap<>();
        residents.findAll(rows.stream().map(Row::personId).distinct().toList())
            .forEach(resident -> persons.put(resident.id(), resident));
        Map<UUID, Waiting> byMatch = new LinkedHashMap<>();
        for (Row row : rows) {
            Resident resident = persons.get(row.personId());
            if (resident == null) {
                continue;
            }
            byMatch
                .computeIfAbsent(row.id(),
                        id -> new Waiting(id, row.matchDate(), row.housingDeadline(), row.moveDeadline(),
                                row.familyReunification(), new ArrayList<>(),
                                ChronoUnit.DAYS.between(today, row.housingDeadline())))
                .persons()
                .add(resident);
        }
        return List.copyOf(byMatch.values());
    }

    /**
     * The persons must be named, each once, and all be persons of the current
     * municipality: an unknown person or one of another municipality answers 404, exactly
     * alike.
     */
    static List<Resident> requireKnownPersons(Residents residents, List<UUID> personIds) {
        if (personIds == null || personIds.isEmpty()) {
            throw new InvalidInputException("personIds", "housing.persons.required");
        }
        if (personIds.size() > MAX_PERSONS) {
            throw new InvalidInputException("personIds", "housing.persons.tooMany");
        }
        if (personIds.contains(null)) {
            throw new InvalidInputException("personIds", "housing.persons.required");
        }
        if (new HashSet<>(personIds).size() != personIds.size()) {
            throw new InvalidInputException("personIds", "housing.persons.twice");
        }
        List<Resident> found = residents.findAll(personIds);
        if (found.size() != personIds.size()) {
            throw new NotFoundException();
        }
        return found;
    }

}
