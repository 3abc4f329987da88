package nl.meedoen.housing.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.housing.HousingMatches;
import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The housing API's matches, recorded by {@link Matches} itself. */
@Component
class MatchRecorder implements HousingMatches {

    private final Matches matches;

    private final JdbcClient jdbc;

    MatchRecorder(Matches matches, JdbcClient jdbc) {
        this.matches = matches;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> matched(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select person_id from housing_match_person
                where municipality_id = :m and not cancelled and person_id in (:ids)""")
            .param("m", Tenancy.require())
            .param("ids", List.copyOf(personIds))
            .query(UUID.class)
            .list());
    }

    @Override
    @Transactional
    public UUID match(List<UUID> personIds, LocalDate matchDate, boolean familyReunification) {
        return matches.match(personIds, matchDate, familyReunification).id();
    }

}
