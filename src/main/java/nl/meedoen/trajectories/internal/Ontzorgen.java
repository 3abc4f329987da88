package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.UnprocessableException;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.trajectories.IntegrationRegime;
import nl.meedoen.trajectories.OntzorgenStarted;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ontzorgen (art. 56a Participatiewet): for a person under the duty of the Wet
 * inburgering 2021 with an asylum permit who receives social assistance — not a family
 * migrant — the municipality pays rent, energy, water and health insurance together out
 * of the benefit for the legal months from its start, with the person's signed
 * authorisation recorded. It ends early when the benefit ends; a longer period needs a
 * recorded reason.
 */
@Service
public class Ontzorgen {

    /** The arrangement of one person; the fixed costs are always paid together. */
    public record Arrangement(LocalDate assistanceStart, LocalDate endDate, boolean rent, boolean energy,
            boolean healthInsurance, int version, @Nullable LocalDate authorisationSignedOn,
            @Nullable LocalDate assistanceEnd, @Nullable LocalDate extendedUntil, @Nullable String extensionReason) {
    }

    /** What a caseworker enters. */
    public record Terms(@Nullable LocalDate assistanceStart, @Nullable LocalDate authorisationSignedOn,
            @Nullable LocalDate assistanceEnd, @Nullable LocalDate extendedUntil, @Nullable String extensionReason) {

        public static Terms startingOn(@Nullable LocalDate assistanceStart) {
            return new Terms(assistanceStart, null, null, null, null);
        }
    }

    private final TrajectoryRecords records;

    private final LegalDates legal;

    private final IntegrationDuties duties;

    Ontzorgen(TrajectoryRecords records, LegalDates legal, IntegrationDuties duties) {
        this.records = records;
        this.legal = legal;
        this.duties = duties;
    }

    /**
     * Starts or changes the arrangement when {@code expectedVersion} is still current (0
     * for a new one). A person who is not an asylum permit holder under the duty of the
     * Wet inburgering 2021 is refused (422 with the reason). Social assistance does not
     * start before the person arrived in the municipality.
     */
    @Transactional
    public Arrangement save(UUID personId, Terms terms, int expectedVersion) {
        Resident person = records.person(personId);
        eligible(personId, person);
        LocalDate start = terms.assistanceStart();
        List<FieldError> errors = new ArrayList<>();
        if (start == null) {
            throw new InvalidInputException("assistanceStart", "trajectories.ontzorgen.start.required");
        }
        if (person.arrivalDate() != null && start.isBefore(person.arrivalDate())) {
            errors.add(new FieldError("assistanceStart", "trajectories.ontzorgen.beforeArrival"));
        }
        if (terms.authorisationSignedOn() != null && terms.authorisationSignedOn().isAfter(records.today())) {
            errors.add(new FieldError("authorisationSignedOn", "date.future"));
        }
        if (terms.assistanceEnd() != null && !terms.assistanceEnd().isAfter(start)) {
            errors.add(new FieldError("assistanceEnd", "trajectories.ontzorgen.assistanceEnd.afterStart"));
        }
        LocalDate legalEnd = legal.ontzorgenEnd(start).date();
        String reason = terms.extensionReason() == null || terms.extensionReason().isBlank() ? null
                : terms.extensionReason().strip();
        if (terms.extendedUntil() != null && !terms.extendedUntil().isAfter(legalEnd)) {
            errors.add(new FieldError("extendedUntil", "trajectories.ontzorgen.extension.notLonger"));
        }
        if (terms.extendedUntil() != null && reason == null) {
            errors.add(new FieldError("extensionReason", "trajectories.ontzorgen.extension.reason"));
        }
        if (reason != null && reason.length() > 1000) {
            errors.add(new FieldError("extensionReason", "field.tooLong"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int current = load(personId, true).map(Arrangement::version).orElse(0);
        if (current != expectedVersion) {
            throw new StaleVersionException();
        }
        LocalDate end = endDate(legalEnd, terms.extendedUntil(), terms.assistanceEnd());
        records.sql("""
                insert into ontzorgen (municipality_id, person_id, assistance_start, end_date, rent, energy,
                    health_insurance, authorisation_signed_on, assistance_end, extended_until, extension_reason,
                    version)
                values (:m, :p, :start, :end, true, true, true, :signed, :assistanceEnd, :extended, :reason, 1)
                on conflict (municipality_id, person_id) do update set assistance_start = excluded.assistance_start,
                    end_date = excluded.end_date, authorisation_signed_on = excluded.authorisation_signed_on,
                    assistance_end = excluded.assistance_end, extended_until = excluded.extended_until,
                    extension_reason = excluded.extension_reason, version = ontzorgen.version + 1,
                    updated_at = now()""")
            .param("p", personId)
            .param("start", start)
            .param("end", end)
            .param("signed", terms.authorisationSignedOn())
            .param("assistanceEnd", terms.assistanceEnd())
            .param("extended", terms.extendedUntil())
            .param("reason", terms.extendedUntil() == null ? null : reason)
            .update();
        records.changed(personId, new OntzorgenStarted(Tenancy.require(), personId, start, end, true, true, true));
        return load(personId, false).orElseThrow();
    }

    /**
     * The last day: the legal months from the start of the benefit, or the longer period
     * with its reason, never after the benefit ended.
     */
    static LocalDate endDate(LocalDate legalEnd, @Nullable LocalDate extendedUntil, @Nullable LocalDate assistanceEnd) {
        LocalDate end = extendedUntil != null ? extendedUntil : legalEnd;
        return assistanceEnd != null && assistanceEnd.isBefore(end) ? assistanceEnd : end;
    }

    /**
     * Rent, energy and water, and health insurance are paid together: a request that
     * switches one of them off is refused.
     */
    public static void asAWhole(@Nullable Boolean rent, @Nullable Boolean energy, @Nullable Boolean healthInsurance) {
        List<FieldError> errors = new ArrayList<>();
        if (Boolean.FALSE.equals(rent)) {
            errors.add(new FieldError("rent", "trajectories.ontzorgen.asAWhole"));
        }
        if (Boolean.FALSE.equals(energy)) {
            errors.add(new FieldError("energy", "trajectories.ontzorgen.asAWhole"));
        }
        if (Boolean.FALSE.equals(healthInsurance)) {
            errors.add(new FieldError("healthInsurance", "trajectories.ontzorgen.asAWhole"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void eligible(UUID personId, Resident person) {
        if (person.category() != Category.PERMIT_HOLDER) {
            throw new UnprocessableException("trajectories.ontzorgen.notEligible.category");
        }
        boolean underTheDuty = duties.find(personId).map(d -> d.regime() == IntegrationRegime.WI2021).orElse(false);
        if (!underTheDuty) {
            throw new UnprocessableException("trajectories.ontzorgen.notEligible.duty");
        }
    }

    /** The person's arrangement, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Arrangement> find(UUID personId) {
        records.person(personId);
        return load(personId, false);
    }

    /** Why the end date is that date. */
    public Basis basis(Arrangement a) {
        Basis legalEnd = legal.ontzorgenEnd(a.assistanceStart());
        if (a.endDate().equals(legalEnd.date())) {
            return legalEnd;
        }
        if (a.assistanceEnd() != null && a.endDate().equals(a.assistanceEnd())) {
            return new Basis(legalEnd.rule(), a.endDate(), java.util.Map.of("assistanceEnd", a.assistanceEnd()),
                    legalEnd.ruleVersion(), legalEnd.ruleEffectiveFrom(), legalEnd.source(),
                    "trajectories.basis.ontzorgenEndedWithAssistance",
                    List.of(Basis.DAY.format(a.endDate()), Basis.DAY.format(a.assistanceEnd()), legalEnd.source()));
        }
        return new Basis("extendedUntil", a.endDate(), java.util.Map.of("assistanceStart", a.assistanceStart()), null,
                null, Basis.LOCAL_SOURCE, "trajectories.basis.ontzorgenExtended",
                List.of(Basis.DAY.format(a.endDate()), a.extensionReason() == null ? "" : a.extensionReason()));
    }

    private Optional<Arrangement> load(UUID personId, boolean forUpdate) {
        return records.sql("""
                select assistance_start, end_date, rent, energy, health_insurance, version, authorisation_signed_on,
                    assistance_end, extended_until, extension_reason
                from ontzorgen where municipality_id = :m and person_id = :p""" + TrajectoryRecords.lock(forUpdate))
            .param("p", personId)
            .query(Arrangement.class)
            .optional();
    }

}
