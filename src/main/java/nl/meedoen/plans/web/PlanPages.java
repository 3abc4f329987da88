package nl.meedoen.plans.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import nl.meedoen.plans.ActionOwner;
import nl.meedoen.plans.Area;
import nl.meedoen.plans.AssessmentSource;
import nl.meedoen.plans.GoalStatus;
import nl.meedoen.plans.IncomeSource;
import nl.meedoen.plans.LanguageLevel;
import nl.meedoen.plans.Skill;
import nl.meedoen.plans.internal.Circumstances;
import nl.meedoen.plans.internal.Circumstances.ChildEducation;
import nl.meedoen.plans.internal.Circumstances.Work;
import nl.meedoen.plans.internal.LanguageProgress;
import nl.meedoen.plans.internal.PersonalPlans;
import nl.meedoen.plans.internal.PersonalPlans.Current;
import nl.meedoen.plans.internal.PersonalPlans.PipElements;
import nl.meedoen.plans.internal.PersonalPlans.Version;
import nl.meedoen.plans.internal.PlanDiff;
import nl.meedoen.plans.internal.PlanLetter;
import nl.meedoen.plans.internal.PlanSettings;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The plan tab of a person's file: goals by spearhead and provision with their actions,
 * adoption and the PIP parts, the progress review, the version history, language per
 * skill with the lesson hours, children, work and income, and the "wegwijs" checklist.
 * Each form re-shows the page with its errors beside the fields.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class PlanPages {

    private static final String DATE = "yyyy-MM-dd";

    record GoalForm(@Nullable String area,
            @NotBlank(message = "{plans.description.required}") @Size(max = 1000,
                    message = "{plans.field.tooLong}") @Nullable String description,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate targetDate, @Nullable Integer lock) {
    }

    record ActionForm(@NotNull(message = "{plans.goalId.required}") @Nullable UUID goalId,
            @NotBlank(message = "{plans.what.required}") @Size(max = 500,
                    message = "{plans.field.tooLong}") @Nullable String what,
            @Nullable String who, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn,
            @Nullable Integer lock) {
    }

    record AdoptionForm(@NotNull(message = "{plans.adoptedOn.required}") @PastOrPresent(
            message = "{plans.date.future}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate adoptedOn,
            @Nullable Integer lock) {
    }

    record PipForm(@Size(max = 2000, message = "{plans.field.tooLong}") @Nullable String routeTimeframe,
            @Size(max = 2000, message = "{plans.field.tooLong}") @Nullable String guidanceSupport,
            @Size(max = 2000, message = "{plans.field.tooLong}") @Nullable String pvtMapIntensity,
            @Size(max = 2000, message = "{plans.field.tooLong}") @Nullable String vveOptions,
            @Size(max = 2000, message = "{plans.field.tooLong}") @Nullable String ontzorgen,
            @Size(max = 2000, message = "{plans.field.tooLong}") @Nullable String preconditions,
            @Size(max = 2000, message = "{plans.field.tooLong}") @Nullable String monitoring, @Nullable Integer lock) {

        PipElements elements() {
            return new PipElements(routeTimeframe, guidanceSupport, pvtMapIntensity, vveOptions, ontzorgen,
                    preconditions, monitoring);
        }

        static PipForm of(Version v) {
            PipElements p = v.pip();
            return new PipForm(p.routeTimeframe(), p.guidanceSupport(), p.pvtMapIntensity(), p.vveOptions(),
                    p.ontzorgen(), p.preconditions(), p.monitoring(), v.lockVersion());
        }
    }

    record ReviewForm(@NotNull(message = "{plans.heldOn.required}") @PastOrPresent(
            message = "{plans.date.future}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn,
            @Size(max = 4000, message = "{plans.field.tooLong}") @Nullable String notes) {
    }

    record LevelForm(@Nullable String skill, @Nullable String level,
            @NotNull(message = "{plans.assessedOn.required}") @PastOrPresent(
                    message = "{plans.date.future}") @DateTimeFormat(
                            iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate assessedOn,
            @Nullable String source) {
    }

    record LessonForm(
            @NotNull(message = "{plans.followedUntil.required}") @PastOrPresent(
                    message = "{plans.date.future}") @DateTimeFormat(
                            iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate followedUntil,
            @NotBlank(message = "{plans.lessonHours.hours}") @Nullable String hours,
            @Size(max = 200, message = "{plans.field.tooLong}") @Nullable String provider) {
    }

    record IncomeForm(@Nullable String incomeSource,
            @NotNull(message = "{plans.incomeStartsOn.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate incomeStartsOn) {
    }

    record WorkForm(@Nullable String paidHoursPerWeek,
            @Size(max = 1000, message = "{plans.field.tooLong}") @Nullable String routeToWork) {
    }

    record WegwijsForm(@NotNull(message = "{plans.wegwijs.knownOn.required}") @PastOrPresent(
            message = "{plans.date.future}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate knownOn,
            @Nullable List<String> places) {
    }

    private final PersonalPlans plans;

    private final LanguageProgress language;

    private final Circumstances circumstances;

    private final PlanSettings settings;

    private final PlanLetter letter;

    private final Residents residents;

    private final MessageSource messages;

    PlanPages(PersonalPlans plans, LanguageProgress language, Circumstances circumstances, PlanSettings settings,
            PlanLetter letter, Residents residents, MessageSource messages) {
        this.messages = messages;
        this.plans = plans;
        this.language = language;
        this.circumstances = circumstances;
        this.settings = settings;
        this.letter = letter;
        this.residents = residents;
    }

    @GetMapping("/personen/{id}/plan")
    String plan(@PathVariable UUID id, Model model) {
        return page(id, model);
    }

    /** The municipality's plans, overdue reviews first. */
    @GetMapping("/plannen")
    String overview(Model model) {
        LocalDate today = LocalDate.now();
        model.addAttribute("plans", plans.overview(today, 500));
        model.addAttribute("today", today);
        return "plans/overview";
    }

    @GetMapping("/personen/{id}/plan/brief.pdf")
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline().filename("plan.pdf").build().toString())
            .body(letter.render(id, LocalDate.now()));
    }

    @PostMapping("/personen/{id}/plan/doelen")
    String addGoal(@PathVariable UUID id, @Valid @ModelAttribute("goal") GoalForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && attempt(errors, () -> plans.addGoal(id, PlanApi.area(form.area()),
                form.description(), form.targetDate(), form.lock()))) {
            return saved(id, redirect, "plans.saved.goal", "doelen");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/plan/doelen/{goalId}")
    String changeGoal(@PathVariable UUID id, @PathVariable UUID goalId,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate targetDate,
            @RequestParam(required = false) @Nullable Integer lock, Model model, RedirectAttributes redirect) {
        try {
            plans.changeGoal(id, goalId, PlanApi.area(area), PlanApi.text(description, "description"), targetDate,
                    lock);
        }
        catch (InvalidInputException ex) {
            return goalProblem(id, goalId, ex.errors().get(0).messageKey(), model);
        }
        catch (StaleVersionException ex) {
            return goalProblem(id, goalId, "plans.stale", model);
        }
        return saved(id, redirect, "plans.saved.goalChanged", "doelen");
    }

    private String goalProblem(UUID id, UUID goalId, String key, Model model) {
        model.addAttribute("goalProblem", key);
        model.addAttribute("goalProblemFor", goalId);
        return page(id, model);
    }

    @PostMapping("/personen/{id}/plan/acties")
    String addAction(@PathVariable UUID id, @Valid @ModelAttribute("action") ActionForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && attempt(errors, () -> plans.addAction(id, form.goalId(), form.what(),
                PlanApi.owner(form.who()), form.dueOn(), form.lock()))) {
            return saved(id, redirect, "plans.saved.action", "doelen");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/plan/acties/{actionId}")
    String markDone(@PathVariable UUID id, @PathVariable UUID actionId, @RequestParam boolean done,
            RedirectAttributes redirect) {
        plans.markDone(id, actionId, done ? LocalDate.now() : null);
        return saved(id, redirect, "plans.saved.done", "doelen");
    }

    @PostMapping("/personen/{id}/plan/vaststellen")
    String adopt(@PathVariable UUID id, @Valid @ModelAttribute("adoption") AdoptionForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && attempt(errors, () -> plans.adopt(id, form.adoptedOn(), form.lock()))) {
            return saved(id, redirect, "plans.saved.adopted", "samenvatting");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/plan/pip")
    String changePip(@PathVariable UUID id, @Valid @ModelAttribute("pip") PipForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && attempt(errors, () -> plans.changePip(id, form.elements(), form.lock()))) {
            return saved(id, redirect, "plans.saved.pip", "pip");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/plan/gesprekken")
    String review(@PathVariable UUID id, @Valid @ModelAttribute("review") ReviewForm form, BindingResult errors,
            @RequestParam Map<String, String> parameters, Model model, RedirectAttributes redirect) {
        Map<UUID, GoalStatus> statuses = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("status-") && !value.isBlank()) {
                try {
                    statuses.put(UUID.fromString(name.substring(7)), GoalStatus.valueOf(value));
                }
                catch (IllegalArgumentException ex) {
                    errors.reject("plans.status.unknown");
                }
            }
        });
        model.addAttribute("reviewStatuses", statuses);
        if (!errors.hasErrors() && attempt(errors, () -> plans.review(id, form.heldOn(), form.notes(), statuses))) {
            return saved(id, redirect, "plans.saved.review", "gesprek");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/plan/taal")
    String recordLevel(@PathVariable UUID id, @Valid @ModelAttribute("level") LevelForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && attempt(errors, () -> language.record(id, LanguageApi.skill(form.skill()),
                LanguageApi.level(form.level()), form.assessedOn(), LanguageApi.source(form.source())))) {
            return saved(id, redirect, "plans.saved.level", "taal");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/plan/lesuren")
    String addLessons(@PathVariable UUID id, @Valid @ModelAttribute("lessons") LessonForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && attempt(errors, () -> language.addLessonHours(id, form.followedUntil(),
                decimal(form.hours(), "hours", "plans.lessonHours.hours"), form.provider()))) {
            return saved(id, redirect, "plans.saved.lessons", "taal");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/plan/kinderen/{childId}")
    String recordChild(@PathVariable UUID id, @PathVariable UUID childId,
            @RequestParam(required = false) @Nullable String school,
            @RequestParam(required = false) @Nullable String childcare,
            @RequestParam(defaultValue = "false") boolean vveIndication,
            @RequestParam(defaultValue = "false") boolean vveParticipation,
            @RequestParam(defaultValue = "false") boolean speechTherapy,
            @RequestParam(defaultValue = "false") boolean isk,
            @RequestParam(defaultValue = "false") boolean pupilTransport,
            @RequestParam(defaultValue = "false") boolean lunchCare,
            @RequestParam(required = false) @Nullable String parentalInvolvement, Model model,
            RedirectAttributes redirect) {
        try {
            circumstances.recordChild(id, childId, new ChildEducation(school, childcare, vveIndication,
                    vveParticipation, speechTherapy, isk, pupilTransport, lunchCare, parentalInvolvement));
        }
        catch (InvalidInputException ex) {
            model.addAttribute("childProblem", ex.errors().get(0).messageKey());
            model.addAttribute("childProblemFor", childId);
            return page(id, model);
        }
        return saved(id, redirect, "plans.saved.child", "kinderen");
    }

    @PostMapping("/personen/{id}/plan/inkomen")
    String recordIncome(@PathVariable UUID id, @Valid @ModelAttribute("income") IncomeForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && attempt(errors,
                () -> circumstances.recordIncome(id,
                        PlanApi.parse(IncomeSource.class, form.incomeSource(), "incomeSource", "plans.income.required"),
                        form.incomeStartsOn()))) {
            return saved(id, redirect, "plans.saved.income", "inkomen");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/plan/werk")
    String recordWork(@PathVariable UUID id, @Valid @ModelAttribute("work") WorkForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && attempt(errors,
                () -> circumstances.recordWork(id,
                        new Work(decimal(form.paidHoursPerWeek(), "paidHoursPerWeek", "plans.work.hours"),
                                form.routeToWork())))) {
            return saved(id, redirect, "plans.saved.work", "inkomen");
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/plan/wegwijs")
    String recordWegwijs(@PathVariable UUID id, @Valid @ModelAttribute("wegwijsForm") WegwijsForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && attempt(errors, () -> circumstances.recordWegwijs(id, settings.current().wegwijsPlaces(),
                        form.places() == null ? List.of() : form.places(), form.knownOn()))) {
            return saved(id, redirect, "plans.saved.wegwijs", "wegwijs");
        }
        return page(id, model);
    }

    private String page(UUID id, Model model) {
        var person = residents.find(id).orElseThrow(NotFoundException::new);
        LocalDate today = LocalDate.now();
        model.addAttribute("person", person);
        model.addAttribute("today", today);
        PlanSettings.Settings rules = settings.current();
        model.addAttribute("rules", rules);
        Current current = plans.find(id).orElse(null);
        model.addAttribute("current", current);
        int lock = current == null ? 0 : current.version().lockVersion();
        model.addAttribute("lock", lock);
        List<Area> spearheads = java.util.Arrays.stream(Area.values()).filter(Area::spearhead).toList();
        List<Area> provisions = java.util.Arrays.stream(Area.values()).filter(a -> !a.spearhead()).toList();
        Map<String, List<Area>> groups = new LinkedHashMap<>();
        groups.put("spearheads", inUse(spearheads, current));
        groups.put("provisions", inUse(provisions, current));
        model.addAttribute("groups", groups);
        model.addAttribute("areas", Area.values());
        model.addAttribute("owners", ActionOwner.values());
        model.addAttribute("statuses", GoalStatus.values());
        model.addAttribute("skills", Skill.values());
        model.addAttribute("levels", LanguageLevel.values());
        model.addAttribute("sources", AssessmentSource.values());
        model.addAttribute("incomeSources", IncomeSource.values());
        addIfAbsent(model, "goal", new GoalForm(null, null, null, lock));
        addIfAbsent(model, "action", new ActionForm(null, null, null, null, lock));
        addIfAbsent(model, "adoption", new AdoptionForm(today, lock));
        addIfAbsent(model, "pip", current == null ? new PipForm(null, null, null, null, null, null, null, lock)
                : PipForm.of(current.version()));
        addIfAbsent(model, "review", new ReviewForm(today, null));
        addIfAbsent(model, "reviewStatuses", Map.of());
        addIfAbsent(model, "level", new LevelForm(null, null, today, null));
        addIfAbsent(model, "lessons", new LessonForm(today, null, null));
        addIfAbsent(model, "income", new IncomeForm(null, today));
        Work work = circumstances.work(id);
        addIfAbsent(model, "work", new WorkForm(dutch(work.paidHoursPerWeek()), work.routeToWork()));
        addIfAbsent(model, "wegwijsForm", new WegwijsForm(today, null));
        model.addAttribute("reviews", plans.reviews(id));
        model.addAttribute("history", history(current, describer()));
        var levels = language.levels(id);
        model.addAttribute("chart", LanguageChart.of(levels));
        model.addAttribute("lessonEntries", language.lessonEntries(id));
        model.addAttribute("lessonTotal", language.totalHours(id));
        model.addAttribute("children", circumstances.children(id, today));
        model.addAttribute("incomePeriods", circumstances.income(id));
        Map<String, @Nullable LocalDate> checklist = circumstances.wegwijs(id, rules.wegwijsPlaces());
        model.addAttribute("checklist", checklist);
        model.addAttribute("knownCount", checklist.values().stream().filter(d -> d != null).count());
        return "plans/plan";
    }

    private static List<Area> inUse(List<Area> areas, @Nullable Current current) {
        return current == null ? List.of()
                : areas.stream().filter(a -> !current.version().goalsIn(a).isEmpty()).toList();
    }

    /** Each version, newest first, with what changed from the version before. */
    private static List<Map.Entry<Version, List<PlanDiff.Change>>> history(@Nullable Current current,
            PlanDiff.Describer describer) {
        if (current == null) {
            return List.of();
        }
        List<Version> all = new ArrayList<>(current.history());
        all.add(current.version());
        List<Map.Entry<Version, List<PlanDiff.Change>>> history = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            history.add(Map.entry(all.get(i), PlanDiff.between(i == 0 ? null : all.get(i - 1), all.get(i), describer)));
        }
        return history;
    }

    /**
     * Goals and actions in the reader's words: area and owner by name, dates as
     * dd-MM-yyyy.
     */
    private PlanDiff.Describer describer() {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy");
        return new PlanDiff.Describer() {

            @Override
            public String goal(PersonalPlans.Goal goal) {
                return messages.getMessage("plans.area." + goal.area(), null, locale) + " · " + goal.description()
                        + (goal.targetDate() == null ? "" : " · " + day.format(goal.targetDate()));
            }

            @Override
            public String action(PersonalPlans.Action action) {
                return action.what() + " · " + messages.getMessage("plans.owner." + action.who(), null, locale)
                        + (action.dueOn() == null ? "" : " · " + day.format(action.dueOn()));
            }
        };
    }

    /**
     * A number as a Dutch reader types it (a decimal comma) or as a machine does (a
     * point).
     */
    static @Nullable BigDecimal decimal(@Nullable String value, String field, String key) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        }
        catch (NumberFormatException ex) {
            throw new InvalidInputException(field, key);
        }
    }

    private static @Nullable String dutch(@Nullable BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String saved(UUID id, RedirectAttributes redirect, String message, String anchor) {
        redirect.addFlashAttribute("saved", message);
        return "redirect:/personen/" + id + "/plan#" + anchor;
    }

    private static void addIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    private static boolean attempt(BindingResult errors, Runnable change) {
        try {
            change.run();
            return true;
        }
        catch (ConflictException ex) {
            errors.reject(ex.messageKey());
        }
        catch (StaleVersionException ex) {
            errors.reject("plans.stale");
        }
        catch (InvalidInputException ex) {
            ex.errors().forEach(e -> {
                if (hasField(errors, e.field())) {
                    errors.rejectValue(e.field(), e.messageKey());
                }
                else {
                    errors.reject(e.messageKey());
                }
            });
        }
        return false;
    }

    private static boolean hasField(BindingResult errors, String field) {
        Object target = errors.getTarget();
        if (target == null) {
            return false;
        }
        return java.util.Arrays.stream(target.getClass().getRecordComponents() == null
                ? new java.lang.reflect.RecordComponent[0] : target.getClass().getRecordComponents())
            .anyMatch(c -> c.getName().equals(field));
    }

}
