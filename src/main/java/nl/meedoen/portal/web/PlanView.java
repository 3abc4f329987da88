package nl.meedoen.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.plans.Area;
import nl.meedoen.plans.AssessmentSource;
import nl.meedoen.plans.LanguageChart;
import nl.meedoen.plans.OwnPlans.OwnAction;
import nl.meedoen.plans.OwnPlans.OwnGoal;
import nl.meedoen.plans.OwnPlans.OwnPlan;
import nl.meedoen.plans.OwnPlans.Question;
import nl.meedoen.plans.Skill;
import nl.meedoen.platform.Time;
import org.jspecify.annotations.Nullable;

/**
 * My plan in the resident's words, shared by the page and the API: the adopted plan's
 * goals grouped per spearhead or area, each with its status in plain words, its actions
 * (who does it, before when, done or not, whether it is the resident's own) and the
 * resident's own wishes and questions.
 */
record PlanView(boolean adopted, int version, List<Group> groups) {

    /** The goals of one spearhead or area. */
    record Group(Area area, String title, List<GoalItem> goals) {
    }

    record GoalItem(UUID id, Area area, String areaName, String description, String status, String statusText,
            @Nullable LocalDate targetDate, @Nullable String target, List<ActionItem> actions,
            List<QuestionItem> questions) {
    }

    record ActionItem(UUID id, String what, String who, @Nullable LocalDate dueOn, @Nullable String due, boolean done,
            String doneText, boolean mine, int version) {
    }

    record QuestionItem(UUID id, String text, Instant askedAt, @Nullable Instant seenAt, String asked, String seen) {
    }

    static PlanView of(Optional<OwnPlan> plan, Locale locale) {
        if (plan.isEmpty()) {
            return new PlanView(false, 0, List.of());
        }
        Map<Area, List<GoalItem>> byArea = new LinkedHashMap<>();
        for (OwnGoal goal : plan.get().goals()) {
            byArea.computeIfAbsent(goal.area(), a -> new ArrayList<>()).add(goal(goal, locale));
        }
        List<Group> groups = byArea.entrySet()
            .stream()
            .map(e -> new Group(e.getKey(), text(locale, "portal.area." + e.getKey()), e.getValue()))
            .toList();
        return new PlanView(true, plan.get().version(), groups);
    }

    static ActionItem action(OwnAction action, Locale locale) {
        return new ActionItem(action.id(), action.what(), text(locale, "portal.plan.who." + action.who()),
                action.dueOn(),
                action.dueOn() == null ? null
                        : text(locale, "portal.plan.due", PortalLanguage.date(locale, action.dueOn())),
                action.done(),
                action.done() ? text(locale, "portal.plan.doneOn", PortalLanguage.date(locale, action.doneOn()))
                        : text(locale, "portal.plan.notDone"),
                action.mine(), action.progressVersion());
    }

    static QuestionItem question(Question question, Locale locale) {
        return new QuestionItem(question.id(), question.text(), question.askedAt(), question.seenAt(),
                text(locale, "portal.question.asked",
                        PortalLanguage.date(locale, question.askedAt().atZone(Time.ZONE).toLocalDate())),
                text(locale, question.seenAt() == null ? "portal.question.notSeen" : "portal.question.seen"));
    }

    /** The language chart in the resident's words, days as the language writes them. */
    static LanguageChart.Labels chartLabels(Locale locale) {
        Map<Skill, String> skills = new EnumMap<>(Skill.class);
        for (Skill skill : Skill.values()) {
            skills.put(skill, text(locale, "portal.skill." + skill));
        }
        Map<AssessmentSource, String> sources = new EnumMap<>(AssessmentSource.class);
        for (AssessmentSource source : AssessmentSource.values()) {
            sources.put(source, text(locale, "portal.source." + source));
        }
        return new LanguageChart.Labels(text(locale, "portal.chart.title"), text(locale, "portal.chart.description"),
                text(locale, "portal.chart.table"), text(locale, "portal.chart.date"), skills, sources,
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private static GoalItem goal(OwnGoal goal, Locale locale) {
        return new GoalItem(goal.id(), goal.area(), text(locale, "portal.area." + goal.area()), goal.description(),
                goal.status().name(), text(locale, "portal.plan.status." + goal.status()), goal.targetDate(),
                goal.targetDate() == null ? null
                        : text(locale, "portal.plan.target", PortalLanguage.date(locale, goal.targetDate())),
                goal.actions().stream().map(a -> action(a, locale)).toList(),
                goal.questions().stream().map(q -> question(q, locale)).toList());
    }

    private static String text(Locale locale, String key, Object... arguments) {
        return PortalLanguage.text(locale, key, arguments);
    }

}
