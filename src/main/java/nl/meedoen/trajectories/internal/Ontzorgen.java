package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.trajectories.OntzorgenStarted;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ontzorgen: from the start of social assistance, the municipality pays a person's fixed
 * costs (rent, energy and water, health insurance; each on or off) out of the benefit for
 * the municipality's number of months.
 */
@Service
public class Ontzorgen {

    /** The arrangement of one person. */
    public record Arrangement(LocalDate assistanceStart, LocalDate endDate, boolean rent, boolean energy,
            boolean healthInsurance, int version) {
    }

    private final TrajectoryRecords records;

    private final LegalDates legal;

    Ontzorgen(TrajectoryRecords records, LegalDates legal) {
        this.records = records;
        this.legal = legal;
    }

    /**
     * Starts or changes the arrangement when {@code expectedVersion} is still current (0
     * for a new one). Social assistance does not start before the person arrived in the
     * municipality.
     */
    @Transactional
    public Arrangement save(UUID personId, @Nullable LocalDate assistanceStart, boolean rent, boolean energy,
            boolean healthInsurance, int expectedVersion) {
        Resident person = records.person(personId);
        if (assistanceStart == null) {
            throw new InvalidInputException("assistanceStart", "trajectories.ontzorgen.start.required");
        }
        if (person.arrivalDate() != null && assistanceStart.isBefore(person.arrivalDate())) {
            throw new InvalidInputException("assistanceStart", "trajectories.ontzorgen.beforeArrival");
        }
        int current = load(personId, true).map(Arrangement::version).orElse(0);
        if (current != expectedVersion) {
            throw new StaleVersionException();
        }
        LocalDate end = legal.ontzorgenEnd(assistanceStart).date();
        records
            .sql("""
                    insert into ontzorgen (municipality_id, person_id, assistance_start, end_date, rent, energy,
                        health_insurance, version)
                    values (:m, :p, :start, :end, :rent, :energy, :health, 1)
                    on conflict (municipality_id, person_id) do update set assistance_start = excluded.assistance_start,
                        end_date = excluded.end_date, rent = excluded.rent, energy = excluded.energy,
                        health_insurance = excluded.health_insurance, version = ontzorgen.version + 1, updated_at = now()""")
            .param("p", personId)
            .param("start", assistanceStart)
            .param("end", end)
            .param("rent", rent)
            .param("energy", energy)
            .param("health", healthInsurance)
            .update();
        records.changed(personId,
                new OntzorgenStarted(Tenancy.require(), personId, assistanceStart, end, rent, energy, healthInsurance));
        return load(personId, false).orElseThrow();
    }

    /** The person's arrangement, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Arrangement> find(UUID personId) {
        records.person(personId);
        return load(personId, false);
    }

    private Optional<Arrangement> load(UUID personId, boolean forUpdate) {
        return records.sql("""
                select assistance_start, end_date, rent, energy, health_insurance, version
                from ontzorgen where municipality_id = :m and person_id = :p""" + TrajectoryRecords.lock(forUpdate))
            .param("p", personId)
            .query(Arrangement.class)
            .optional();
    }

}
