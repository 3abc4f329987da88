package nl.meedoen.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.plans.ActionOwner;
import nl.meedoen.plans.Area;
import nl.meedoen.plans.AssessmentSource;
import nl.meedoen.plans.GoalStatus;
import nl.meedoen.plans.IncomeSource;
import nl.meedoen.plans.LanguageChart;
import nl.meedoen.plans.LanguageLevel;
import nl.meedoen.plans.Skill;
import nl.meedoen.plans.internal.Circumstances;
import nl.meedoen.plans.internal.Circumstances.Child;
import nl.meedoen.plans.internal.Circumstances.Work;
import nl.meedoen.plans.internal.GoalQuestions;
import nl.meedoen.plans.internal.LanguageProgress;
import nl.meedoen.plans.internal.PersonalPlan;
import nl.meedoen.plans.internal.PersonalPlan.Action;
import nl.meedoen.plans.internal.PersonalPlan.Goal;
import nl.meedoen.plans.internal.PersonalPlan.Version;
import nl.meedoen.plans.internal.PersonalPlans;
import nl.meedoen.plans.internal.PlanDiff;
import nl.meedoen.plans.internal.PlanSettings;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan tab of a person's file as one page, for every controller of its parts: the
 * person, the plan with its history, each part's data and the empty form of each part
 * (unless a submitted one with its errors is there). Showing it logs one read of the
 * person's plan, and of each child shown.
 */
@Component
class PlanTab {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final PersonalPlans plans;

    private final LanguageProgress language;

    private final Circumstances circumstances;

    private final PlanSettings settings;

    private final Residents residents;

    private final GoalQuestions questions;

    private final MessageSource messages;

    private final AuditLog audit;

    private final Clock clock;

    PlanTab(PersonalPlans plans, LanguageProgress language, Circumstances circumstances, PlanSettings settings,
            Residents residents, GoalQuestions questions, MessageSource messages, AuditLog audit, Clock clock) {
        this.questions = questions;
        this.plans = plans;
        this.language = language;
        this.circumstances = circumstances;
        this.settings = settings;
        this.residents = residents;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * After a change: back to the part of the tab it was made in, with what was saved.
     */
    String saved(UUID id, RedirectAttributes redirect, String message, String anchor) {
        redirect.addFlashAttribute("saved", message);
        return anchor(id, anchor);
    }

    String anchor(UUID id, String anchor) {
        return "redirect:/personen/" + id + "/plan#" + anchor;
    }

    /** The whole tab, with the forms (and their errors) that are in the model already. */
    String show(UUID id, Model model) {
        Resident person = residents.find(id).orElseThrow(NotFoundException::new);
        LocalDate today = today();
        PlanSettings.Settings rules = settings.current();
        PersonalPlan current = plans.find(id).orElse(null);
        List<Child> children = circumstances.children(id);
        List<UUID> shown = new ArrayList<>(List.of(id));
        children.forEach(c -> shown.add(c.child().id()));
        audit.read(AuditAction.PLAN_READ, shown);

        int lock = current == null ? 0 : current.version().lockVersion();
        model.addAttribute("person", person);
        model.addAttribute("today", today);
        model.addAttribute("rules", rules);
        model.addAttribute("current", current);
        model.addAttribute("lock", lock);
        Map<String, List<Area>> groups = new LinkedHashMap<>();
        groups.put("spearheads", inUse(true, current));
        groups.put("provisions", inUse(false, current));
        model.addAttribute("groups", groups);
        model.addAttribute("areas", Area.values());
        model.addAttribute("owners", ActionOwner.values());
        model.addAttribute("statuses", GoalStatus.values());
        model.addAttribute("skills", Skill.values());
        model.addAttribute("levels", LanguageLevel.values());
        model.addAttribute("sources",
                Arrays.stream(AssessmentSource.values()).filter(source -> source != AssessmentSource.PARTNER).toList());
        model.addAttribute("incomeSources", IncomeSource.values());
        Forms.addIfAbsent(model, "goal", new GoalPages.GoalForm(null, null, null, lock));
        Forms.addIfAbsent(model, "action", new GoalPages.ActionForm(null, null, null, null, lock));
        Forms.addIfAbsent(model, "adoption", new AdoptionPages.AdoptionForm(today, lock, false));
        Forms.addIfAbsent(model, "pip", AdoptionPages.PipForm.of(current));
        Forms.addIfAbsent(model, "review", new ReviewPages.ReviewForm(today, null));
        Forms.addIfAbsent(model, "reviewStatuses", Map.of());
        Forms.addIfAbsent(model, "level", new LanguagePages.LevelForm(null, null, today, null));
        Forms.addIfAbsent(model, "lessons", new LanguagePages.LessonForm(today, null, null));
        Forms.addIfAbsent(model, "income", new IncomePages.IncomeForm(null, today));
        Work work = circumstances.work(id);
        model.addAttribute("workVersion", circumstances.workVersion(id).orElse(null));
        Forms.addIfAbsent(model, "work",
                new IncomePages.WorkForm(Decimals.dutch(work.paidHoursPerWeek()), work.routeToWork()));
        Forms.addIfAbsent(model, "wegwijsForm", new WegwijsPages.WegwijsForm(today, null));
        model.addAttribute("reviews", current == null ? List.of() : plans.reviews(current));
        model.addAttribute("history", history(current));
        model.addAttribute("chart", language.chart(id, chartLabels(LocaleContextHolder.getLocale())));
        model.addAttribute("questions",
                questions.of(id).stream().collect(Collectors.groupingBy(GoalQuestions.Asked::goalId)));
        model.addAttribute("lessonEntries", language.lessonEntries(id));
        model.addAttribute("lessonTotal", language.totalHours(id));
        model.addAttribute("children", children);
        model.addAttribute("incomePeriods", circumstances.income(id));
        Map<String, @Nullable LocalDate> checklist = circumstances.wegwijs(id, rules.wegwijsPlaces());
        model.addAttribute("checklist", checklist);
        model.addAttribute("knownCount", checklist.values().stream().filter(d -> d != null).count());
        return "plans/plan";
    }

    private static List<Area> inUse(boolean spearheads, @Nullable PersonalPlan current) {
        return current == null ? List.of()
                : Arrays.stream(Area.values())
                    .filter(a -> a.spearhead() == spearheads && !current.version().goalsIn(a).isEmpty())
                    .toList();
    }

    /** The language chart in the caseworker's words, days as dd-MM-yyyy. */
    private LanguageChart.Labels chartLabels(Locale locale) {
        Map<Skill, String> skills = new EnumMap<>(Skill.class);
        for (Skill skill : Skill.values()) {
            skills.put(skill, messages.getMessage("plans.skill." + skill, null, locale));
        }
        Map<AssessmentSource, String> sources = new EnumMap<>(AssessmentSource.class);
        for (AssessmentSource source : AssessmentSource.values()) {
            sources.put(source, messages.getMessage("plans.source." + source, null, locale));
        }
        return new LanguageChart.Labels(messages.getMessage("plans.languageChart", null, locale),
                messages.getMessage("plans.languageChartDescription", null, locale),
                messages.getMessage("plans.languageTable", null, locale),
                messages.getMessage("plans.assessedOnLabel", null, locale), skills, sources, DAY);
    }

    /** Each version, newest first, with what changed from the version before. */
    private List<Map.Entry<Version, List<PlanDiff.Change>>> history(@Nullable PersonalPlan current) {
        if (current == null) {
            return List.of();
        }
        PlanDiff.Describer describer = describer(LocaleContextHolder.getLocale());
        List<Version> all = current.versions();
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
    private PlanDiff.Describer describer(Locale locale) {
        return new PlanDiff.Describer() {

            @Override
            public String goal(Goal goal) {
                return messages.getMessage("plans.area." + goal.area(), null, locale) + " · " + goal.description()
                        + (goal.targetDate() == null ? "" : " · " + DAY.format(goal.targetDate()));
            }

            @Override
            public String action(Action action) {
                return action.what() + " · " + messages.getMessage("plans.owner." + action.who(), null, locale)
                        + (action.dueOn() == null ? "" : " · " + DAY.format(action.dueOn()));
            }
        };
    }

}
