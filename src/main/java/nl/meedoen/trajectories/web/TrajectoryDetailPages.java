package nl.meedoen.trajectories.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.trajectories.ExamOutcome;
import nl.meedoen.trajectories.ExamPart;
import nl.meedoen.trajectories.ExemptPart;
import nl.meedoen.trajectories.ExemptionKind;
import nl.meedoen.trajectories.IntakeOutcome;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.MapTheme;
import nl.meedoen.trajectories.internal.Exemptions;
import nl.meedoen.trajectories.internal.Intakes;
import nl.meedoen.trajectories.internal.Intakes.Components;
import nl.meedoen.trajectories.internal.Intakes.Intake;
import nl.meedoen.trajectories.internal.LearningRoutes;
import nl.meedoen.trajectories.internal.LearningRoutes.Hours;
import nl.meedoen.trajectories.internal.LearningRoutes.StepDown;
import nl.meedoen.trajectories.internal.Ontzorgen;
import nl.meedoen.trajectories.internal.Ontzorgen.Terms;
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
 * The trajectory's sub-pages on a person's file: the broad intake with its appointments
 * and no-show ladder, the learning route with exams and exemptions, and ontzorgen.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class TrajectoryDetailPages {

    record IntakeForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate learnabilityTestedOn,
            @Nullable String learnabilityResult, @Nullable String educationHistory, @Nullable String workHistory,
            @Nullable String personalCircumstances, @Nullable String healthNotes,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate vveInformedOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate completedOn, @Nullable Integer version) {
    }

    record AppointmentForm(
            @NotNull(message = "{trajectories.intake.scheduledOn.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate scheduledOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime time,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String location) {
    }

    record OutcomeForm(@Nullable UUID appointmentId, @Nullable IntakeOutcome outcome,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate newInvitationOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime newInvitationTime,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String newInvitationLocation) {
    }

    record SwitchForm(@Nullable LearningRoute to,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate switchOn,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason) {
    }

    record StepDownForm(@Nullable List<ExamPart> parts,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate stepDownOn,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason, @Nullable BigDecimal lessonHours,
            @Nullable BigDecimal classroomHours) {
    }

    record HoursForm(@Nullable BigDecimal zCourseHours, @Nullable BigDecimal zParticipationHours,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate zInterviewOn,
            @Nullable BigDecimal mapPracticalHours, @Nullable List<MapTheme> mapThemes,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate mapInterviewOn) {
    }

    record ExamForm(@Nullable ExamPart part, @Nullable String level, @Nullable ExamOutcome result,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate takenOn) {
    }

    record ExemptionForm(@Nullable ExemptPart exemptPart, @Nullable ExemptionKind kind,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate decidedOn,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String ground) {
    }

    record OntzorgenForm(
            @NotNull(message = "{trajectories.ontzorgen.start.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate assistanceStart,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate authorisationSignedOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate assistanceEnd,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate extendedUntil,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String extensionReason,
            @Nullable Integer version) {

        Terms terms() {
            return new Terms(assistanceStart, authorisationSignedOn, assistanceEnd, extendedUntil, extensionReason);
        }
    }

    private final TrajectoryTabs tabs;

    private final Intakes intakes;

    private final LearningRoutes routes;

    private final Exemptions exemptions;

    private final Ontzorgen ontzorgen;

    private final Explanations explanations;

    private final TrajectoryVersions versions;

    TrajectoryDetailPages(TrajectoryTabs tabs, Intakes intakes, LearningRoutes routes, Exemptions exemptions,
            Ontzorgen ontzorgen, Explanations explanations, TrajectoryVersions versions) {
        this.versions = versions;
        this.tabs = tabs;
        this.explanations = explanations;
        this.intakes = intakes;
        this.routes = routes;
        this.exemptions = exemptions;
        this.ontzorgen = ontzorgen;
    }

    // --- broad intake

    @ShowsPersonData
    @GetMapping("/personen/{id}/traject/intake")
    String intake(@PathVariable UUID id, Model model) {
        return intakePage(id, model);
    }

    @PostMapping("/personen/{id}/traject/intake")
    String saveIntake(@PathVariable UUID id, @Valid @ModelAttribute("intake") IntakeForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> intakes.save(id,
                        new Components(form.learnabilityTestedOn(), form.learnabilityResult(), form.educationHistory(),
                                form.workHistory(), form.personalCircumstances(), form.healthNotes(),
                                form.vveInformedOn(), form.completedOn()),
                        orZero(form.version())))) {
            return TrajectoryTabs.saved(redirect, "trajectories.intake.saved", id, "/intake");
        }
        return intakePage(id, model);
    }

    @PostMapping("/personen/{id}/traject/intake/afspraak")
    String schedule(@PathVariable UUID id, @Valid @ModelAttribute("appointment") AppointmentForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> intakes.schedule(id, form.scheduledOn(), form.time(), form.location()))) {
            return TrajectoryTabs.saved(redirect, "trajectories.intake.scheduled", id, "/intake");
        }
        return intakePage(id, model);
    }

    @PostMapping("/personen/{id}/traject/intake/uitkomst")
    String outcome(@PathVariable UUID id, @Valid @ModelAttribute("outcome") OutcomeForm form, BindingResult errors,
            @RequestParam int version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> {
            if (form.appointmentId() == null) {
                throw new NotFoundException();
            }
            var recorded = intakes.recordOutcome(id, form.appointmentId(), form.outcome(), form.newInvitationOn(),
                    form.newInvitationTime(), form.newInvitationLocation(), version);
            if (recorded.appointment().consequence() != null) {
                redirect.addFlashAttribute("consequence", recorded.appointment().consequence().name());
                redirect.addFlashAttribute("fine", recorded.appointment().fineEuros());
            }
        })) {
            return TrajectoryTabs.saved(redirect, "trajectories.intake.outcomeSaved", id, "/intake");
        }
        return intakePage(id, model);
    }

    private String intakePage(UUID id, Model model) {
        tabs.open(id, model);
        Intake intake = intakes.find(id);
        model.addAttribute("intakeRecord", intake);
        Forms.addIfAbsent(model, "intake",
                new IntakeForm(intake.learnabilityTestedOn(), intake.learnabilityResult(), intake.educationHistory(),
                        intake.workHistory(), intake.personalCircumstances(),
                        intake.healthVisible() ? intake.healthNotes() : null, intake.vveInformedOn(),
                        intake.completedOn(), intake.version()));
        var appointments = intakes.appointments(id);
        model.addAttribute("appointments", appointments);
        model.addAttribute("openAppointment",
                appointments.stream().filter(a -> a.outcome() == IntakeOutcome.SCHEDULED).findFirst().orElse(null));
        model.addAttribute("withoutInput", intakes.planWithoutInputAllowed(id));
        model.addAttribute("outcomes",
                new IntakeOutcome[] { IntakeOutcome.ATTENDED, IntakeOutcome.NO_SHOW, IntakeOutcome.CANCELLED });
        Forms.addIfAbsent(model, "appointment", new AppointmentForm(null, null, null));
        Forms.addIfAbsent(model, "outcome", new OutcomeForm(null, null, null, null, null));
        return tabs.shown(id, "intake");
    }

    // --- learning route, exams and exemptions

    @ShowsPersonData
    @GetMapping("/personen/{id}/traject/leerroute")
    String route(@PathVariable UUID id, Model model) {
        return routePage(id, model);
    }

    @PostMapping("/personen/{id}/traject/leerroute/wissel")
    String switchRoute(@PathVariable UUID id, @Valid @ModelAttribute("switchForm") SwitchForm form,
            BindingResult errors, @RequestParam int version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> routes.switchRoute(id, form.to(), form.switchOn(), form.reason(), version))) {
            return TrajectoryTabs.saved(redirect, "trajectories.route.switched", id, "/leerroute");
        }
        return routePage(id, model);
    }

    @PostMapping("/personen/{id}/traject/leerroute/afschalen")
    String stepDown(@PathVariable UUID id, @Valid @ModelAttribute("stepDownForm") StepDownForm form,
            BindingResult errors, @RequestParam int version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors,
                        () -> routes.stepDown(id, new StepDown(form.parts() == null ? List.of() : form.parts(),
                                form.stepDownOn(), form.reason(), form.lessonHours(), form.classroomHours()),
                                version))) {
            return TrajectoryTabs.saved(redirect, "trajectories.route.steppedDown", id, "/leerroute");
        }
        return routePage(id, model);
    }

    @PostMapping("/personen/{id}/traject/leerroute/uren")
    String hours(@PathVariable UUID id, @Valid @ModelAttribute("hoursForm") HoursForm form, BindingResult errors,
            @RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> routes.recordHours(id,
                        new Hours(form.zCourseHours(), form.zParticipationHours(), form.zInterviewOn(),
                                form.mapPracticalHours(), mapThemes(id, form.mapThemes()), form.mapInterviewOn(), null),
                        version))) {
            return TrajectoryTabs.saved(redirect, "trajectories.route.hoursSaved", id, "/leerroute");
        }
        return routePage(id, model);
    }

    @PostMapping("/personen/{id}/traject/leerroute/examen")
    String exam(@PathVariable UUID id, @Valid @ModelAttribute("examForm") ExamForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> routes.recordExam(id, form.part(), form.level(), form.result(), form.takenOn()))) {
            return TrajectoryTabs.saved(redirect, "trajectories.exam.saved", id, "/leerroute");
        }
        return routePage(id, model);
    }

    @PostMapping("/personen/{id}/traject/leerroute/ontheffing")
    String exempt(@PathVariable UUID id, @Valid @ModelAttribute("exemptionForm") ExemptionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> exemptions.record(id, form.exemptPart(), form.kind(), form.decidedOn(), form.ground()))) {
            return TrajectoryTabs.saved(redirect, "trajectories.exemption.saved", id, "/leerroute");
        }
        return routePage(id, model);
    }

    /** Unticked boxes send nothing: where the MAP applies, that is the empty set. */
    private @Nullable List<MapTheme> mapThemes(UUID id, @Nullable List<MapTheme> ticked) {
        boolean applies = routes.find(id).map(p -> p.mapApplies()).orElse(false);
        return applies && ticked == null ? List.of() : ticked;
    }

    private String routePage(UUID id, Model model) {
        tabs.open(id, model);
        var progress = routes.find(id).orElse(null);
        model.addAttribute("progress", progress);
        model.addAttribute("exemptions", exemptions.of(id));
        model.addAttribute("dutyVersion", versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, id).orElse(null));
        model.addAttribute("otherRoutes",
                Arrays.stream(LearningRoute.values()).filter(r -> progress == null || r != progress.route()).toList());
        model.addAttribute("examParts", ExamPart.values());
        model.addAttribute("levelledParts",
                Arrays.stream(ExamPart.values())
                    .filter(LearningRoutes.LEVELLED_PARTS::contains)
                    .filter(p -> progress == null || !progress.steppedDownParts().contains(p))
                    .toList());
        model.addAttribute("levelParts",
                Arrays.stream(ExamPart.values()).filter(LearningRoutes.LEVELLED_PARTS::contains).toList());
        model.addAttribute("mapThemes", MapTheme.values());
        model.addAttribute("examOutcomes", ExamOutcome.values());
        model.addAttribute("exemptParts", ExemptPart.values());
        model.addAttribute("exemptionKinds", ExemptionKind.values());
        model.addAttribute("levels", new String[] { "A1", "A2", "B1", "B2" });
        Forms.addIfAbsent(model, "switchForm", new SwitchForm(null, null, null));
        Forms.addIfAbsent(model, "stepDownForm", new StepDownForm(List.of(), null, null, null, null));
        Forms.addIfAbsent(model, "hoursForm",
                progress == null ? new HoursForm(null, null, null, null, null, null)
                        : new HoursForm(progress.zCourseHours(), progress.zParticipationHours(),
                                progress.zInterviewOn(), progress.mapPracticalHours(),
                                List.copyOf(new TreeSet<>(progress.mapThemes())), progress.mapInterviewOn()));
        Forms.addIfAbsent(model, "examForm", new ExamForm(null, null, null, null));
        Forms.addIfAbsent(model, "exemptionForm", new ExemptionForm(null, null, null, null));
        return tabs.shown(id, "leerroute");
    }

    // --- ontzorgen

    @ShowsPersonData
    @GetMapping("/personen/{id}/traject/ontzorgen")
    String ontzorgen(@PathVariable UUID id, Model model) {
        return ontzorgenPage(id, model);
    }

    @PostMapping("/personen/{id}/traject/ontzorgen")
    String saveOntzorgen(@PathVariable UUID id, @Valid @ModelAttribute("ontzorgenForm") OntzorgenForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> ontzorgen.save(id, form.terms(), orZero(form.version())))) {
            return TrajectoryTabs.saved(redirect, "trajectories.ontzorgen.saved", id, "/ontzorgen");
        }
        return ontzorgenPage(id, model);
    }

    private String ontzorgenPage(UUID id, Model model) {
        tabs.open(id, model);
        var arrangement = ontzorgen.find(id).orElse(null);
        model.addAttribute("arrangement", arrangement);
        Forms.addIfAbsent(model, "ontzorgenForm",
                arrangement == null ? new OntzorgenForm(null, null, null, null, null, 0)
                        : new OntzorgenForm(arrangement.assistanceStart(), arrangement.authorisationSignedOn(),
                                arrangement.assistanceEnd(), arrangement.extendedUntil(), arrangement.extensionReason(),
                                arrangement.version()));
        model.addAttribute("endBasis", arrangement == null ? null : explanations.text(ontzorgen.basis(arrangement)));
        return tabs.shown(id, "ontzorgen");
    }

    // --- shared

    private static int orZero(@Nullable Integer version) {
        return version == null ? 0 : version;
    }

}
