package nl.meedoen.trajectories.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.identity.Colleagues;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.trajectories.Handover;
import nl.meedoen.trajectories.IntegrationRegime;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.RevisionReason;
import nl.meedoen.trajectories.PvtStatus;
import nl.meedoen.trajectories.internal.Exemptions;
import nl.meedoen.trajectories.internal.Guidance;
import nl.meedoen.trajectories.internal.Guidances;
import nl.meedoen.trajectories.internal.Guidances.ExtensionRequest;
import nl.meedoen.trajectories.internal.Intakes;
import nl.meedoen.trajectories.internal.IntegrationDuties;
import nl.meedoen.trajectories.internal.IntegrationDuties.Duty;
import nl.meedoen.trajectories.internal.LearningRoutes;
import nl.meedoen.trajectories.internal.LearningRoutes.Progress;
import nl.meedoen.trajectories.internal.Ontzorgen;
import nl.meedoen.trajectories.internal.ParticipationDeclarations;
import nl.meedoen.trajectories.internal.ParticipationDeclarations.Pvt;
import nl.meedoen.trajectories.internal.Timeline;
import nl.meedoen.trajectories.internal.TrajectoryCaseworkers;
import nl.meedoen.trajectories.internal.TrajectoryVersions;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The overview tab of a person's trajectory: the timeline, the trajectory caseworker, and
 * the forms for social guidance, the integration duty with its PIP, and the PVT.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class TrajectoryPages {

    record StartForm(@NotNull(message = "{trajectories.guidance.startDate.required}") @DateTimeFormat(
            iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startDate) {
    }

    record ExtensionForm(@NotNull(message = "{trajectories.extension.months}") @Nullable Integer months,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason) {
    }

    record ClosingForm(
            @NotNull(message = "{trajectories.guidance.closedOn.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate closedOn,
            @Nullable Handover handover, @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason) {
    }

    record DutyForm(@Nullable IntegrationRegime regime,
            @NotNull(message = "{trajectories.duty.duoNoticeDate.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate duoNoticeDate,
            @NotNull(message = "{trajectories.duty.brpRegistrationDate.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate brpRegistrationDate,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate thirdPartyInfoReceivedDate) {
    }

    record PlanForm(
            @NotNull(message = "{trajectories.plan.adoptedOn.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate adoptedOn,
            @Nullable LearningRoute route, @Nullable RevisionReason revisionReason) {
    }

    record SessionForm(
            @NotNull(message = "{trajectories.pvt.heldOn.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn,
            @NotNull(message = "{trajectories.pvt.hours}") @DecimalMin(value = "0.5",
                    message = "{trajectories.pvt.hours}") @DecimalMax(value = "24",
                            message = "{trajectories.pvt.hours}") @Digits(integer = 2, fraction = 1,
                                    message = "{trajectories.pvt.hours}") @Nullable BigDecimal hours,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String topic) {
    }

    record PvtStatusForm(@Nullable PvtStatus status,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate signedOn) {
    }

    private final TrajectoryTabs tabs;

    private final Guidances guidances;

    private final IntegrationDuties duties;

    private final ParticipationDeclarations pvts;

    private final Intakes intakes;

    private final Exemptions exemptions;

    private final LearningRoutes routes;

    private final Ontzorgen ontzorgen;

    private final TrajectoryCaseworkers caseworkers;

    private final Colleagues colleagues;

    private final Explanations explanations;

    private final TrajectoryVersions versions;

    TrajectoryPages(TrajectoryTabs tabs, Guidances guidances, IntegrationDuties duties, ParticipationDeclarations pvts,
            Intakes intakes, Exemptions exemptions, LearningRoutes routes, Ontzorgen ontzorgen,
            TrajectoryCaseworkers caseworkers, Colleagues colleagues, Explanations explanations,
            TrajectoryVersions versions) {
        this.versions = versions;
        this.tabs = tabs;
        this.explanations = explanations;
        this.guidances = guidances;
        this.duties = duties;
        this.pvts = pvts;
        this.intakes = intakes;
        this.exemptions = exemptions;
        this.routes = routes;
        this.ontzorgen = ontzorgen;
        this.caseworkers = caseworkers;
        this.colleagues = colleagues;
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}/traject")
    String trajectory(@PathVariable UUID id, Model model) {
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/begeleiding")
    String start(@PathVariable UUID id, @Valid @ModelAttribute("start") StartForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> guidances.start(id, form.startDate()))) {
            return TrajectoryTabs.saved(redirect, "trajectories.guidance.started", id, "");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/verlenging")
    @PreAuthorize("hasRole('CASEWORKER')")
    String requestExtension(@PathVariable UUID id, @Valid @ModelAttribute("extension") ExtensionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> guidances.requestExtension(id, form.months(), form.reason()))) {
            return TrajectoryTabs.saved(redirect, "trajectories.extension.requested", id, "");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/afsluiten")
    String close(@PathVariable UUID id, @Valid @ModelAttribute("closing") ClosingForm form, BindingResult errors,
            @RequestParam int version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> guidances.close(id, form.closedOn(), form.handover(), form.reason(), version))) {
            return TrajectoryTabs.saved(redirect, "trajectories.guidance.closedSaved", id, "");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/inburgeringsplicht")
    String recordDuty(@PathVariable UUID id, @Valid @ModelAttribute("duty") DutyForm form, BindingResult errors,
            @RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> duties.record(id, form.regime(), form.duoNoticeDate(),
                form.brpRegistrationDate(), form.thirdPartyInfoReceivedDate(), version))) {
            return TrajectoryTabs.saved(redirect, "trajectories.duty.saved", id, "");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/pip")
    String adoptPlan(@PathVariable UUID id, @Valid @ModelAttribute("plan") PlanForm form, BindingResult errors,
            @RequestParam int version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> duties.adoptPlan(id, form.adoptedOn(), form.route(), form.revisionReason(), version))) {
            return TrajectoryTabs.saved(redirect, "trajectories.plan.saved", id, "");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/pvt/bijeenkomst")
    String addSession(@PathVariable UUID id, @Valid @ModelAttribute("pvtSession") SessionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> pvts.addSession(id, form.heldOn(), form.hours(), form.topic()))) {
            return TrajectoryTabs.saved(redirect, "trajectories.pvt.sessionSaved", id, "");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/pvt/status")
    String setPvtStatus(@PathVariable UUID id, @Valid @ModelAttribute("pvtStatus") PvtStatusForm form,
            BindingResult errors, @RequestParam(required = false) @Nullable Integer version, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> pvts.setStatus(id, form.status(), form.signedOn(), version))) {
            return TrajectoryTabs.saved(redirect, "trajectories.pvt.statusSaved", id, "");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/begeleider")
    String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID userId,
            @RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
        Forms.attempt(redirect, "trajectories.caseworker.assigned", () -> caseworkers.assign(id, userId, version));
        return "redirect:/personen/" + id + "/traject";
    }

    private String page(UUID id, Model model) {
        Resident person = tabs.open(id, model);
        Forms.addIfAbsent(model, "start", new StartForm(null));
        Forms.addIfAbsent(model, "extension", new ExtensionForm(tabs.rules().extensionMonths(), null));
        Forms.addIfAbsent(model, "closing", new ClosingForm(null, null, null));
        Duty duty = duties.find(id).orElse(null);
        model.addAttribute("dutyRecord", duty);
        Forms.addIfAbsent(model, "duty",
                duty == null ? new DutyForm(IntegrationRegime.WI2021, null, null, null) : new DutyForm(duty.regime(),
                        duty.duoNoticeDate(), duty.brpRegistrationDate(), duty.thirdPartyInfoReceivedDate()));
        Forms.addIfAbsent(model, "plan", new PlanForm(null, duty == null ? null : duty.route(), null));
        model.addAttribute("basis", duty == null ? Map.of() : explanations.texts(duties.basis(duty)));
        model.addAttribute("revisions", duty == null ? List.of() : duties.revisions(id));
        model.addAttribute("revisionReasons", RevisionReason.values());
        model.addAttribute("routes", LearningRoute.values());
        model.addAttribute("regimes", IntegrationRegime.values());
        Pvt pvt = pvts.find(id);
        model.addAttribute("pvt", pvt);
        model.addAttribute("pvtStatuses", PvtStatus.values());
        Forms.addIfAbsent(model, "pvtSession", new SessionForm(null, null, null));
        Forms.addIfAbsent(model, "pvtStatus", new PvtStatusForm(pvt.status(), pvt.signedOn()));
        Guidance guidance = guidances.find(id).orElse(null);
        model.addAttribute("guidance", guidance);
        List<ExtensionRequest> requests = guidances.extensionRequests(id);
        model.addAttribute("requests", requests);
        model.addAttribute("extensionPossible",
                requests.stream().noneMatch(r -> r.status() != ExtensionRequest.Status.REJECTED));
        model.addAttribute("handovers", Handover.values());
        Optional<Progress> progress = routes.find(id);
        model.addAttribute("timeline", Timeline.of(guidance, requests, duty, pvt, intakes.appointments(id),
                intakes.find(id).completedOn(), exemptions.of(id), progress.map(Progress::changes).orElse(List.of()),
                progress.map(Progress::exams).orElse(List.of()), ontzorgen.find(id).orElse(null), tabs.today()));
        model.addAttribute("caseworker", caseworkers.of(id).orElse(null));
        model.addAttribute("dutyVersion", versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, id).orElse(null));
        model.addAttribute("pvtVersion",
                versions.of(TrajectoryVersions.Part.PARTICIPATION_DECLARATION, id).orElse(null));
        model.addAttribute("guidanceVersion", versions.of(TrajectoryVersions.Part.GUIDANCE, id).orElse(null));
        model.addAttribute("caseworkerVersion",
                versions.of(TrajectoryVersions.Part.TRAJECTORY_CASEWORKER, id).orElse(null));
        model.addAttribute("team", person.teamId() == null ? List.of() : colleagues.ofTeam(person.teamId()));
        return tabs.shown(id, "trajectory");
    }

}
