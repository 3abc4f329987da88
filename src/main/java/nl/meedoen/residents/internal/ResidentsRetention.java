package nl.meedoen.residents.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.audit.ClosedFiles;
import nl.meedoen.audit.RetainedData;
import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of the person's file: once its period after closing has passed, the person is
 * anonymised. Municipality, category, gender, nationality, the year of birth and the
 * dates stay, so monitoring still counts the person; names, BSN, V-number, contact
 * details and address go, and the person can no longer be found by name.
 */
@Component
class ResidentsRetention implements RetainedData, ClosedFiles {

    static final String PERSON = "residents.person";

    private final JdbcClient jdbc;

    private final Clock clock;

    ResidentsRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<UUID, LocalDate> closedOnOrBefore(LocalDate day) {
        Map<UUID, LocalDate> closed = new LinkedHashMap<>();
        jdbc.sql("select id, ended_on from person where municipality_id = :m and ended_on <= :day order by ended_on")
            .param("m", Tenancy.require())
            .param("day", day)
            .query((rs, i) -> closed.put(rs.getObject("id", UUID.class), rs.getObject("ended_on", LocalDate.class)))
            .list();
        return closed;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(new RecordType(PERSON, Period.ofYears(5),
                "Selectielijst gemeenten en intergemeentelijke organen 2020 (Archiefwet 1995), sociaal domein: "
                        + "dossier van een inwoner, vernietigen 5 jaar na beëindiging"));
    }

    @Override
    public Due due(String recordType, Map<UUID, LocalDate> closedFiles) {
        Map<UUID, Long> records = new LinkedHashMap<>();
        jdbc.sql("select id from person where id = any(cast(:ids as uuid[])) and anonymised_on is null")
            .param("ids", ids(closedFiles.keySet()))
            .query(UUID.class)
            .list()
            .forEach(id -> records.put(id, 1L));
        return RetainedData.due(closedFiles, records);
    }

    @Override
    public Set<UUID> apply(String recordType, Set<UUID> personIds) {
        Set<UUID> anonymised = new HashSet<>(jdbc.sql("""
                update person set given_names = 'Geanonimiseerd', family_name = 'Geanonimiseerd',
                                  sort_name = 'geanonimiseerd', bsn = null, v_number = null, phone = null,
                                  email = null, street = null, house_number = null, postcode = null, city = null,
                                  date_of_birth = make_date(extract(year from date_of_birth)::int, 1, 1),
                                  anonymised_on = :today, version = version + 1, updated_at = now()
                where id = any(cast(:ids as uuid[])) and anonymised_on is null
                returning id""")
            .param("today", LocalDate.now(clock))
            .param("ids", ids(personIds))
            .query(UUID.class)
            .list());
        jdbc.sql("delete from person_name_token where person_id = any(cast(:ids as uuid[]))")
            .param("ids", ids(anonymised))
            .update();
        return anonymised;
    }

    static String[] ids(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

}
