package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.trajectories.IntegrationDutyRecorded;
import nl.meedoen.trajectories.IntegrationRegime;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.PlanAdopted;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The civic-integration duty of the persons of the current municipality: the dates that
 * start it, the PIP due date computed from them, and the adopted PIP with the integration
 * period and the route-switch window. Changes are logged with the person and publish
 * their event, in the same transaction.
 */
@Service
public class IntegrationDuties {

    /** A person's duty as stored; the plan fields are null until the PIP is adopted. */
    public record Duty(UUID personId, IntegrationRegime regime, LocalDate duoNoticeDate, LocalDate brpRegistrationDate,
            @Nullable LocalDate thirdPartyInfoReceivedDate, @Nullable LocalDate planDueDate,
            @Nullable LocalDate planAdoptedOn, @Nullable LearningRoute route,
            @Nullable LocalDate integrationPeriodStart, @Nullable LocalDate integrationPeriodEnd,
            @Nullable LocalDate routeSwitchDeadline) {
    }

    private final TrajectoryRecords records;

    IntegrationDuties(TrajectoryRecords records) {
        this.records = records;
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
                ? records.rules().planDue(duoNotice, brpRegistration, thirdPartyInfo) : null;
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
     * Adopts the PIP: the integration period starts the day after, lasts the integration
     * years and allows a route switch in its first months. The PIP is never adopted
     * before DUO's notice.
     */
    @Transactional
    public Duty adoptPlan(UUID personId, LocalDate adoptedOn, @Nullable LearningRoute route) {
        records.person(personId);
        if (route == null) {
            throw new InvalidInputException("route", "trajectories.plan.route");
        }
        Duty duty = load(personId, true).orElseThrow(() -> new ConflictException("trajectories.duty.missing"));
        if (duty.regime() != IntegrationRegime.WI2021) {
            throw new ConflictException("trajectories.duty.planUnder2021Only");
        }
        planNotBeforeNotice(adoptedOn, duty.duoNoticeDate(), "adoptedOn");
        TrajectorySettings.Rules rules = records.rules();
        PlanAdopted adopted = new PlanAdopted(Tenancy.require(), personId, adoptedOn, route,
                rules.integrationPeriodStart(adoptedOn), rules.integrationPeriodEnd(adoptedOn),
                rules.routeSwitchDeadline(adoptedOn));
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
        return load(personId, false).orElseThrow();
    }

    /** The person's duty, if recorded. */
    @Transactional(readOnly = true)
    public Optional<Duty> find(UUID personId) {
        records.person(personId);
        return load(personId, false);
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
                        route_switch_deadline
                    from integration_duty where municipality_id = :m and person_id = :p"""
                    + TrajectoryRecords.lock(forUpdate))
            .param("p", personId)
            .query(Duty.class)
            .optional();
    }

}
