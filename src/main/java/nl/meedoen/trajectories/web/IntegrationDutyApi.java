package nl.meedoen.trajectories.web;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.trajectories.IntegrationRegime;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.internal.IntegrationDuties;
import nl.meedoen.trajectories.internal.IntegrationDuties.Duty;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's civic-integration duty and personal plan (PIP) over JSON, for caseworkers
 * and team leads.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}/integration-duty")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class IntegrationDutyApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DutyRequest(@Nullable String regime,
            @NotNull(message = "{trajectories.duty.duoNoticeDate.required}") @Nullable LocalDate duoNoticeDate,
            @NotNull(
                    message = "{trajectories.duty.brpRegistrationDate.required}") @Nullable LocalDate brpRegistrationDate,
            @Nullable LocalDate thirdPartyInfoReceivedDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanRequest(@NotNull(message = "{trajectories.plan.adoptedOn.required}") @Nullable LocalDate adoptedOn,
            @Nullable String route) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DutyResource(String regime, LocalDate duoNoticeDate, LocalDate brpRegistrationDate,
            @Nullable LocalDate thirdPartyInfoReceivedDate, @Nullable LocalDate planDueDate,
            @Nullable LocalDate adoptedOn, @Nullable String route, @Nullable LocalDate integrationPeriodStart,
            @Nullable LocalDate integrationPeriodEnd, @Nullable LocalDate routeSwitchDeadline) {

        static DutyResource of(Duty d) {
            return new DutyResource(d.regime().name(), d.duoNoticeDate(), d.brpRegistrationDate(),
                    d.thirdPartyInfoReceivedDate(), d.planDueDate(), d.planAdoptedOn(),
                    d.route() == null ? null : d.route().name(), d.integrationPeriodStart(), d.integrationPeriodEnd(),
                    d.routeSwitchDeadline());
        }
    }

    private final IntegrationDuties duties;

    IntegrationDutyApi(IntegrationDuties duties) {
        this.duties = duties;
    }

    @PutMapping
    DutyResource record(@PathVariable UUID personId, @Valid @RequestBody DutyRequest request) {
        return DutyResource.of(duties.record(personId, regime(request.regime()), request.duoNoticeDate(),
                request.brpRegistrationDate(), request.thirdPartyInfoReceivedDate()));
    }

    @GetMapping
    DutyResource duty(@PathVariable UUID personId) {
        return DutyResource.of(duties.find(personId).orElseThrow(NotFoundException::new));
    }

    @PostMapping("/plan")
    DutyResource adoptPlan(@PathVariable UUID personId, @Valid @RequestBody PlanRequest request) {
        return DutyResource.of(duties.adoptPlan(personId, request.adoptedOn(), route(request.route())));
    }

    static IntegrationRegime regime(@Nullable String value) {
        try {
            return IntegrationRegime.valueOf(value == null ? "" : value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("regime", "trajectories.duty.regime");
        }
    }

    static LearningRoute route(@Nullable String value) {
        try {
            return LearningRoute.valueOf(value == null ? "" : value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("route", "trajectories.plan.route");
        }
    }

}
