package nl.meedoen.plans.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.plans.ActionOwner;
import nl.meedoen.plans.LanguageChart;
import nl.meedoen.plans.OwnPlans;
import nl.meedoen.plans.internal.PersonalPlan.Action;
import nl.meedoen.plans.internal.PersonalPlan.Version;
import nl.meedoen.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan for the person themself: the last adopted version read through
 * {@link PersonalPlans}, the own actions marked done through it, questions through
 * {@link GoalQuestions}.
 */
@Service
class OwnPlanService implements OwnPlans {

    private final PersonalPlans plans;

    private final GoalQuestions questions;

    private final LanguageProgress language;

    private final PlanLetter letter;

    private final AuditLog audit;

    private final Clock clock;

    OwnPlanService(PersonalPlans plans, GoalQuestions questions, LanguageProgress language, PlanLetter letter,
            AuditLog audit, Clock clock) {
        this.plans = plans;
        this.questions = questions;
        this.language = language;
        this.letter = letter;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OwnPlan> adopted(UUID personId) {
        Optional<Version> adopted = plans.find(personId).flatMap(PersonalPlan::lastAdopted);
        if (adopted.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, List<Question>> asked = questions.of(personId)
            .stream()
            .map(GoalQuestions.Asked::question)
            .collect(Collectors.groupingBy(Question::goalId));
        List<OwnGoal> goals = adopted.get()
            .goals()
            .stream()
            .sorted(Comparator.comparing(g -> g.area().ordinal()))
            .map(g -> new OwnGoal(g.id(), g.area(), g.description(), g.status(), g.targetDate(),
                    g.actions()
                        .stream()
                        .map(a -> new OwnAction(a.id(), a.what(), a.who(), a.dueOn(), a.doneOn(), a.progressVersion()))
                        .toList(),
                    asked.getOrDefault(g.id(), List.of())))
            .toList();
        return Optional.of(new OwnPlan(adopted.get().number(), goals));
    }

    @Override
    @Transactional
    public int markOwnActionDone(UUID personId, UUID actionId, boolean done, @Nullable Integer progressVersion) {
        Version adopted = adoptedVersion(personId);
        Action action = adopted.goals()
            .stream()
            .flatMap(g -> g.actions().stream())
            .filter(a -> a.id().equals(actionId))
            .findFirst()
            .orElseThrow(NotFoundException::new);
        if (action.who() != ActionOwner.PERSON) {
            throw new AccessDeniedException("the person marks only their own actions done");
        }
        int expected = progressVersion != null ? progressVersion : action.progressVersion();
        return plans.markDone(personId, actionId, done ? LocalDate.now(clock) : null, expected);
    }

    @Override
    @Transactional
    public Question ask(UUID personId, UUID goalId, String text) {
        String checked = Checks.required(text, "text", MAX_QUESTION);
        PersonalPlan plan = plans.find(personId).orElseThrow(NotFoundException::new);
        plan.lastAdopted().orElseThrow(NotFoundException::new).goal(goalId);
        Question question = questions.insert(plan, goalId, checked);
        audit.record(AuditAction.PLAN_UPDATE, personId);
        return question;
    }

    @Override
    public LanguageChart languageChart(UUID personId, LanguageChart.Labels labels) {
        return language.chart(personId, labels);
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] letter(UUID personId) {
        adoptedVersion(personId);
        return letter.render(personId);
    }

    private Version adoptedVersion(UUID personId) {
        return plans.find(personId).flatMap(PersonalPlan::lastAdopted).orElseThrow(NotFoundException::new);
    }

}
