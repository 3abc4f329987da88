package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.law.RuleNotInForceException;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.trajectories.IntegrationDutyRecorded;
import nl.meedoen.trajectories.IntegrationRegime;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.PipAdoptionParticipant;
import nl.meedoen.trajectories.PlanAdopted;
import nl.meedoen.trajectories.PlanRevised;
import nl.meedoen.trajectories.RevisionReason;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The civic-integration duty of the persons of the current municipality: the dates that
 * start it, the PIP due date computed from them, and the PIP with the integration period
 * and the route-switch window. The PIP is one decision: its first version's date starts
 * the integration period (art. 11 Wet inburgering 2021), every later version is a
 * revision with its reason that moves none of the period's dates. Changes are logged with
 * the person and publish their event, in the same transaction.
 */
@Service
public class IntegrationDuties {

    /**
     * A person's duty as stored; the plan fields are null until the PIP is adopted.
     * {@code planAdoptedOn} is the date of the first PIP, the decision of record.
     */
    public record Duty(UUID personId, IntegrationRegime regime, LocalDate duoNoticeDate, LocalDate brpRegistrationDate,
            @Nullable LocalDate thirdPartyInfoReceivedDate, @Nullable LocalDate planDueDate,
            @Nullable LocalDate planAdoptedOn, @Nullable LearningRoute route,
            @Nullable LocalDate integrationPeriodStart, @Nullable LocalDate integrationPeriodEnd,
            @Nullable LocalDate routeSwitchDeadline, @Nullable LocalDate pipRevisedOn) {
    }

    /** A later version of the PIP decision. */
    public record Revision(int number, LocalDate revisedOn, LearningRoute route, RevisionReason reason) {
    }

    private final TrajectoryRecords records;

    private final LegalDates legal;

    private final ObjectProvider<PipAdoptionParticipant> participants;

    IntegrationDuties(TrajectoryRecords records, LegalDates legal,
            ObjectProvider<PipAdoptionParticipant> participants) {
        this.records = records;
        this.legal = legal;
        this.participants = participants;
    }

    /**
     * Records (or corrects) the duty. Under WI2021 the PIP due date follows from the
     * dates; under WI2013 there is no PIP. An adopted PIP cannot lie before a corrected
     * DUO notice.
     */
    @Transactional
    public Duty record(UUID personId, @Nullable IntegrationRegime regime, LocalDate duoNotice,
            LocalDate brpRegistration, @Nullable LocalDate thirdPartyInfo, @Nullable Integer version) {
        records.person(personId);
        if (regime == null) {
            throw new InvalidInputException("regime", "trajectories.duty.regime");
        }
        Optional<Duty> existing = load(personId, true);
        existing.map(Duty::planAdoptedOn)
            .ifPresent(adopted -> planNotBeforeNotice(adopted, duoNotice, "duoNoticeDate"));
        if (regime == IntegrationRegime.WI2013 && existing.map(Duty::planAdoptedOn).isPresent()) {
            throw new ConflictException("trajectories.duty.planUnder2021Only");
        }
        LocalDate planDue = regime == IntegrationRegime.WI2021
                ? legal.planDue(duoNotice, brpRegistration, thirdPartyInfo, records.rules().thirdPartyWeeks()).date()
                : null;
        TrajectoryVersions.expect(records, TrajectoryVersions.Part.INTEGRATION_DUTY, personId, version);
        records.sql("""
                insert into integration_duty (municipality_id, person_id, regime, duo_notice_date,
                    brp_registration_date, third_party_info_received_date, plan_due_date)
                values (:m, :p, :regime, :duo, :brp, :third, :due)
                on conflict (municipality_id, person_id) do update set regime = excluded.regime,
                    duo_notice_date = excluded.duo_notice_date, brp_registration_date = excluded.brp_registration_date,
                    third_party_info_received_date = excluded.third_party_info_received_date,
                    plan_due_date = excluded.plan_due_date, version = integration_duty.version + 1, updated_at = now()
                """)
            .param("p", personId)
            .param("regime", regime.name())
            .param("duo", duoNotice)
            .param("brp", brpRegistration)
            .param("third", thirdPartyInfo)
            .param("due", planDue)
            .update();
        records.changed(personId, new IntegrationDutyRecorded(Tenancy.require(), personId, regime, planDue));
        return load(personId, false).orElseThrow();
    }

    /**
     * Adopts the first PIP, or revises it for another reason than the ones named, when
     * {@code version} is the integration duty's current one.
     */
    @Transactional
    public Duty adoptPlan(UUID personId, LocalDate adoptedOn, @Nullable LearningRoute route,
            @Nullable Integer version) {
        return adoptPlan(personId, adoptedOn, route, null, version);
    }

    /**
     * Sets the PIP. The first one starts the integration period the day after its date;
     * it lasts the legal years and allows a route switch in its first legal months (art.
     * 11 Wet inburgering 2021). A PIP set again — revised, revoked and replaced, or set
     * again after objection — is a revision of the same decision with its reason (OTHER
     * when none is given): it keeps the start, the end and the switch deadline. The PIP
     * is never set before DUO's notice, nor revised before its first date; another route
     * in a revision only within the switch window. {@code version} is the integration
     * duty's version the caller read: another one is refused (412), none too once the
     * duty exists (428).
     */
    @Transactional
    public Duty adoptPlan(UUID personId, LocalDate adoptedOn, @Nullable LearningRoute route,
            @Nullable RevisionReason reason, @Nullable Integer version) {
        records.person(personId);
        TrajectoryVersions.expect(records, TrajectoryVersions.Part.INTEGRATION_DUTY, personId, version);
        if (route == null) {
            throw new InvalidInputException("route", "trajectories.plan.route");
        }
        Duty duty = load(personId, true).orElseThrow(() -> new ConflictException("trajectories.duty.missing"));
        if (duty.regime() != IntegrationRegime.WI2021) {
            throw new ConflictException("trajectories.duty.planUnder2021Only");
        }
        planNotBeforeNotice(adoptedOn, duty.duoNoticeDate(), "adoptedOn");
        if (duty.planAdoptedOn() != null) {
            return revise(duty, adoptedOn, route, reason == null ? RevisionReason.OTHER : reason);
        }
        PlanAdopted adopted = new PlanAdopted(Tenancy.require(), personId, adoptedOn, route,
                legal.integrationPeriodStart(adoptedOn).date(), legal.integrationPeriodEnd(adoptedOn).date(),
                legal.routeSwitchDeadline(adoptedOn).date());
        records.sql("""
                update integration_duty set plan_adopted_on = :on, route = :route, integration_period_start = :start,
                    integration_period_end = :end, route_switch_deadline = :switch, version = version + 1,
                    updated_at = now()
                where municipality_id = :m and person_id = :p""")
            .param("on", adoptedOn)
            .param("route", route.name())
            .param("start", adopted.integrationPeriodStart())
            .param("end", adopted.integrationPeriodEnd())
            .param("switch", adopted.routeSwitchDeadline())
            .param("p", personId)
            .update();
        records.changed(personId, adopted);
        participants.orderedStream().forEach(p -> p.pipAdopted(personId, adoptedOn));
        return load(personId, false).orElseThrow();
    }

    private Duty revise(Duty duty, LocalDate revisedOn, LearningRoute route, RevisionReason reason) {
        if (revisedOn.isBefore(duty.planAdoptedOn())) {
            throw new InvalidInputException("adoptedOn", "trajectories.plan.revisionBeforeFirst");
        }
        if (route != duty.route() && revisedOn.isAfter(duty.routeSwitchDeadline())) {
            throw new ConflictException("trajectories.route.switchWindowClosed", duty.routeSwitchDeadline());
        }
        records.sql("""
                update integration_duty set route = :route, pip_revised_on = :on, version = version + 1,
                    updated_at = now()
                where municipality_id = :m and person_id = :p""")
            .param("route", route.name())
            .param("on", revisedOn)
            .param("p", duty.personId())
            .update();
        int number = recordRevision(duty.personId(), revisedOn, route, reason);
        records.changed(duty.personId(),
                new PlanRevised(Tenancy.require(), duty.personId(), number, revisedOn, reason, route));
        return load(duty.personId(), false).orElseThrow();
    }

    /**
     * Records a later version of the PIP (a route switch and a step-down record theirs
     * too) and answers its number: the first PIP is 1.
     */
    int recordRevision(UUID personId, LocalDate revisedOn, LearningRoute route, RevisionReason reason) {
        int number = records.sql("""
                select coalesce(max(number), 1) + 1 from pip_revision where municipality_id = :m and person_id = :p""")
            .param("p", personId)
            .query(Integer.class)
            .single();
        records.sql("""
                insert into pip_revision (id, municipality_id, person_id, number, revised_on, route, reason,
                    recorded_by)
                values (:id, :m, :p, :number, :on, :route, :reason, :by)""")
            .param("id", UUID.randomUUID())
            .param("p", personId)
            .param("number", number)
            .param("on", revisedOn)
            .param("route", route.name())
            .param("reason", reason.name())
            .param("by", CurrentUser.current().map(CurrentUser::id).orElse(null))
            .update();
        return number;
    }

    /** The later versions of the person's PIP, oldest first. */
    @Transactional(readOnly = true)
    public List<Revision> revisions(UUID personId) {
        records.person(personId);
        return records.sql("""
                select number, revised_on, route, reason from pip_revision
                where municipality_id = :m and person_id = :p order by number""")
            .param("p", personId)
            .query(Revision.class)
            .list();
    }

    /** The person's duty, if recorded. */
    @Transactional(readOnly = true)
    public Optional<Duty> find(UUID personId) {
        records.person(personId);
        return load(personId, false);
    }

    /**
     * Why each computed date of the duty is that date, by the API's field name:
     * {@code planDueDate}, {@code integrationPeriodStart}, {@code integrationPeriodEnd},
     * {@code routeSwitchDeadline} and, under the Wet inburgering (2013),
     * {@code participationDeclarationDueDate}.
     */
    public Map<String, Basis> basis(Duty duty) {
        Map<String, Basis> basis = new LinkedHashMap<>();
        if (duty.planDueDate() != null) {
            explain(basis, "planDueDate", () -> legal.planDueAsStored(duty.planDueDate(), duty.duoNoticeDate(),
                    duty.brpRegistrationDate(), duty.thirdPartyInfoReceivedDate()));
        }
        LocalDate firstPlan = duty.planAdoptedOn();
        if (firstPlan != null) {
            explain(basis, "integrationPeriodStart", () -> legal.integrationPeriodStart(firstPlan));
            explain(basis, "integrationPeriodEnd", () -> legal.integrationPeriodEnd(firstPlan));
            explain(basis, "routeSwitchDeadline", () -> legal.routeSwitchDeadline(firstPlan));
        }
        if (duty.regime() == IntegrationRegime.WI2013) {
            explain(basis, "participationDeclarationDueDate",
                    () -> legal.wi2013PvtDeadline(duty.brpRegistrationDate()));
        }
        return basis;
    }

    /** A date from before the rule set's first version has no basis to show. */
    private static void explain(Map<String, Basis> basis, String field, Supplier<Basis> computed) {
        try {
            basis.put(field, computed.get());
        }
        catch (RuleNotInForceException ex) {
            // recorded before the rule existed: the date stands as entered, without an
            // explanation
        }
    }

    /** The PIP is adopted on or after DUO's notice. */
    public static void planNotBeforeNotice(LocalDate adoptedOn, LocalDate duoNotice, String field) {
        if (adoptedOn.isBefore(duoNotice)) {
            throw new InvalidInputException(field, "trajectories.plan.beforeNotice");
        }
    }

    private Optional<Duty> load(UUID personId, boolean forUpdate) {
        return records
            .sql("""
                    select person_id, regime, duo_notice_date, brp_registration_date, third_party_info_received_date,
                        plan_due_date, plan_adopted_on, route, integration_period_start, integration_period_end,
                        route_switch_deadline, pip_revised_on
                    from integration_duty where municipality_id = :m and person_id = :p"""
                    + TrajectoryRecords.lock(forUpdate))
            .param("p", personId)
            .query(Duty.class)
            .optional();
    }

}
