package nl.meedoen.trajectories.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.residents.Residents;
import nl.meedoen.trajectories.Handover;
import nl.meedoen.trajectories.IntegrationRegime;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.internal.Deadlines;
import nl.meedoen.trajectories.internal.Guidances;
import nl.meedoen.trajectories.internal.ParticipationDeclarations;
import nl.meedoen.trajectories.PvtStatus;
import nl.meedoen.trajectories.internal.IntegrationDuties;
import nl.meedoen.trajectories.internal.TrajectorySettings;
import nl.meedoen.trajectories.internal.Exemptions;
import nl.meedoen.trajectories.internal.Guidance;
import nl.meedoen.trajectories.internal.Intakes;
import nl.meedoen.trajectories.internal.LearningRoutes;
import nl.meedoen.trajectories.internal.Ontzorgen;
import nl.meedoen.trajectories.internal.Timeline;
import nl.meedoen.trajectories.internal.TrajectoryCaseworkers;
import nl.meedoen.identity.Colleagues;
import nl.meedoen.identity.CurrentUser;
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
 * The trajectory tab of a person's file with the forms for social guidance and the
 * integration duty, and the team lead's queue of extension requests.
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

    record ClosingForm(@NotNull(message = "{trajectories.guidance.closedOn.required}") @PastOrPresent(
            message = "{date.future}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate closedOn,
            @Nullable String handover, @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason) {
    }

    record DutyForm(@Nullable String regime,
            @NotNull(message = "{trajectories.duty.duoNoticeDate.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate duoNoticeDate,
            @NotNull(message = "{trajectories.duty.brpRegistrationDate.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate brpRegistrationDate,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate thirdPartyInfoReceivedDate) {
    }

    record PlanForm(@NotNull(message = "{trajectories.plan.adoptedOn.required}") @DateTimeFormat(
            iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate adoptedOn, @Nullable String route) {
    }

    record SessionForm(@NotNull(message = "{trajectories.pvt.heldOn.required}") @PastOrPresent(
            message = "{date.future}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn,
            @NotNull(message = "{trajectories.pvt.hours}") @DecimalMin(value = "0.5",
                    message = "{trajectories.pvt.hours}") @DecimalMax(value = "24",
                            message = "{trajectories.pvt.hours}") @Digits(integer = 2, fraction = 1,
                                    message = "{trajectories.pvt.hours}") @Nullable BigDecimal hours,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String topic) {
    }

    record PvtStatusForm(@Nullable String status, @PastOrPresent(message = "{date.future}") @DateTimeFormat(
            iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate signedOn) {
    }

    private final Guidances guidances;

    private final IntegrationDuties duties;

    private final Deadlines deadlines;

    private final ParticipationDeclarations pvts;

    private final Residents residents;

    private final TrajectorySettings settings;

    private final Intakes intakes;

    private final Exemptions exemptions;

    private final LearningRoutes routes;

    private final Ontzorgen ontzorgen;

    private final TrajectoryCaseworkers caseworkers;

    private final Colleagues colleagues;

    TrajectoryPages(Guidances guidances, IntegrationDuties duties, Deadlines deadlines, ParticipationDeclarations pvts,
            Residents residents, TrajectorySettings settings, Intakes intakes, Exemptions exemptions,
            LearningRoutes routes, Ontzorgen ontzorgen, TrajectoryCaseworkers caseworkers, Colleagues colleagues) {
        this.intakes = intakes;
        this.exemptions = exemptions;
        this.routes = routes;
        this.ontzorgen = ontzorgen;
        this.caseworkers = caseworkers;
        this.colleagues = colleagues;
        this.pvts = pvts;
        this.deadlines = deadlines;
        this.guidances = guidances;
        this.duties = duties;
        this.residents = residents;
        this.settings = settings;
    }

    @GetMapping("/personen/{id}/traject")
    String trajectory(@PathVariable UUID id, Model model) {
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/begeleiding")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String start(@PathVariable UUID id, @Valid @ModelAttribute("start") StartForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && PageForms.attempt(errors, () -> guidances.start(id, form.startDate()))) {
            redirect.addFlashAttribute("saved", "trajectories.guidance.started");
            return "redirect:/personen/" + id + "/traject";
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/verlenging")
    @PreAuthorize("hasRole('CASEWORKER')")
    String requestExtension(@PathVariable UUID id, @Valid @ModelAttribute("extension") ExtensionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && PageForms.attempt(errors, () -> guidances.requestExtension(id, form.months(), form.reason()))) {
            redirect.addFlashAttribute("saved", "trajectories.extension.requested");
            return "redirect:/personen/" + id + "/traject";
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/afsluiten")
    String close(@PathVariable UUID id, @Valid @ModelAttribute("closing") ClosingForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && PageForms.attempt(errors,
                () -> guidances.close(id, form.closedOn(), GuidanceApi.handover(form.handover()), form.reason()))) {
            redirect.addFlashAttribute("saved", "trajectories.guidance.closedSaved");
            return "redirect:/personen/" + id + "/traject";
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/inburgeringsplicht")
    String recordDuty(@PathVariable UUID id, @Valid @ModelAttribute("duty") DutyForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && PageForms.attempt(errors, () -> duties.record(id, IntegrationDutyApi.regime(form.regime()),
                        form.duoNoticeDate(), form.brpRegistrationDate(), form.thirdPartyInfoReceivedDate()))) {
            redirect.addFlashAttribute("saved", "trajectories.duty.saved");
            return "redirect:/personen/" + id + "/traject";
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/pip")
    String adoptPlan(@PathVariable UUID id, @Valid @ModelAttribute("plan") PlanForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && PageForms.attempt(errors,
                () -> duties.adoptPlan(id, form.adoptedOn(), IntegrationDutyApi.route(form.route())))) {
            redirect.addFlashAttribute("saved", "trajectories.plan.saved");
            return "redirect:/personen/" + id + "/traject";
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/pvt/bijeenkomst")
    String addSession(@PathVariable UUID id, @Valid @ModelAttribute("pvtSession") SessionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && PageForms.attempt(errors, () -> pvts.addSession(id, form.heldOn(), form.hours(), form.topic()))) {
            redirect.addFlashAttribute("saved", "trajectories.pvt.sessionSaved");
            return "redirect:/personen/" + id + "/traject";
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/pvt/status")
    String setPvtStatus(@PathVariable UUID id, @Valid @ModelAttribute("pvtStatus") PvtStatusForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && PageForms.attempt(errors,
                () -> pvts.setStatus(id, ParticipationDeclarationApi.status(form.status()), form.signedOn()))) {
            redirect.addFlashAttribute("saved", "trajectories.pvt.statusSaved");
            return "redirect:/personen/" + id + "/traject";
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/begeleider")
    String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID userId,
            RedirectAttributes redirect) {
        try {
            caseworkers.assign(id, userId);
            redirect.addFlashAttribute("saved", "trajectories.caseworker.assigned");
        }
        catch (ConflictException ex) {
            redirect.addFlashAttribute("problem", ex.messageKey());
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problem", ex.errors().get(0).messageKey());
        }
        return "redirect:/personen/" + id + "/traject";
    }

    /**
     * The deadline calendar: everything overdue, then the municipality's number of weeks
     * ahead; of the whole team, of the caller's own persons ({@code begeleider=ik}) or of
     * one colleague of the team.
     */
    @GetMapping("/traject/termijnen")
    String calendar(@RequestParam(name = "begeleider", required = false) @Nullable String caseworker, Model model) {
        LocalDate today = LocalDate.now();
        LocalDate to = today.plusWeeks(settings.current().calendarWeeks());
        UUID caseworkerId;
        try {
            caseworkerId = DeadlineApi.caseworker("ik".equals(caseworker) ? "me" : caseworker);
        }
        catch (InvalidInputException ex) {
            // A hand-edited address: show the whole team rather than an error page.
            caseworkerId = null;
            caseworker = null;
        }
        model.addAttribute("deadlines", caseworkerId == null ? deadlines.forMyTeam(today, to, today)
                : deadlines.forCaseworker(caseworkerId, today, to, today));
        model.addAttribute("selected", caseworker == null ? "" : caseworker);
        model.addAttribute("team",
                CurrentUser.current().map(CurrentUser::teamId).map(colleagues::ofTeam).orElse(java.util.List.of()));
        model.addAttribute("weeks", settings.current().calendarWeeks());
        model.addAttribute("today", today);
        return "trajectories/calendar";
    }

    @GetMapping("/traject/verlengingen")
    @PreAuthorize("hasRole('TEAM_LEAD')")
    String queue(Model model) {
        model.addAttribute("pending", guidances.pending());
        return "trajectories/queue";
    }

    @PostMapping("/traject/verlengingen/{requestId}")
    @PreAuthorize("hasRole('TEAM_LEAD')")
    String decide(@PathVariable UUID requestId, @RequestParam UUID personId, @RequestParam String decision,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            if ("approve".equals(decision)) {
                guidances.approve(personId, requestId, note);
                redirect.addFlashAttribute("saved", "trajectories.extension.approved");
            }
            else if (note.isBlank()) {
                redirect.addFlashAttribute("problem", "trajectories.extension.noteRequired");
            }
            else {
                guidances.reject(personId, requestId, note.strip());
                redirect.addFlashAttribute("saved", "trajectories.extension.rejected");
            }
        }
        catch (ConflictException ex) {
            redirect.addFlashAttribute("problem", ex.messageKey());
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problem", ex.errors().get(0).messageKey());
        }
        return "redirect:/traject/verlengingen";
    }

    private String page(UUID id, Model model) {
        model.addAttribute("person", residents.find(id).orElseThrow(NotFoundException::new));
        TrajectorySettings.Rules rules = settings.current();
        PageForms.addIfAbsent(model, "start", new StartForm(null));
        PageForms.addIfAbsent(model, "extension", new ExtensionForm(rules.extensionMonths(), null));
        PageForms.addIfAbsent(model, "closing", new ClosingForm(null, null, null));
        var duty = duties.find(id).orElse(null);
        model.addAttribute("dutyRecord", duty);
        PageForms.addIfAbsent(model, "duty",
                duty == null ? new DutyForm("WI2021", null, null, null) : new DutyForm(duty.regime().name(),
                        duty.duoNoticeDate(), duty.brpRegistrationDate(), duty.thirdPartyInfoReceivedDate()));
        PageForms.addIfAbsent(model, "plan", new PlanForm(null, null));
        model.addAttribute("routes", LearningRoute.values());
        model.addAttribute("regimes", IntegrationRegime.values());
        var pvt = pvts.find(id);
        model.addAttribute("pvt", pvt);
        model.addAttribute("pvtStatuses", PvtStatus.values());
        PageForms.addIfAbsent(model, "pvtSession", new SessionForm(null, null, null));
        PageForms.addIfAbsent(model, "pvtStatus", new PvtStatusForm(pvt.status().name(), pvt.signedOn()));
        model.addAttribute("guidance", guidances.find(id).orElse(null));
        var requests = guidances.extensionRequests(id);
        model.addAttribute("requests", requests);
        model.addAttribute("extensionPossible",
                requests.stream().noneMatch(r -> r.status() != Guidances.ExtensionRequest.Status.REJECTED));
        model.addAttribute("rules", rules);
        model.addAttribute("handovers", Handover.values());
        LocalDate today = LocalDate.now();
        model.addAttribute("today", today);
        var guidance = (Guidance) model.getAttribute("guidance");
        var progress = routes.find(id);
        model.addAttribute("timeline",
                Timeline.of(guidance, requests, duty, pvt, intakes.appointments(id), intakes.find(id).completedOn(),
                        exemptions.of(id), progress.map(LearningRoutes.Progress::changes).orElse(java.util.List.of()),
                        progress.map(LearningRoutes.Progress::exams).orElse(java.util.List.of()),
                        ontzorgen.find(id).orElse(null), today));
        model.addAttribute("caseworker", caseworkers.of(id).orElse(null));
        model.addAttribute("team",
                residents.find(id).map(Residents.Resident::teamId).map(colleagues::ofTeam).orElse(java.util.List.of()));
        return "trajectories/trajectory";
    }

}
