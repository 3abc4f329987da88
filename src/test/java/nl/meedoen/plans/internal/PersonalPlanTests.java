package nl.meedoen.plans.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.plans.ActionOwner;
import nl.meedoen.plans.Area;
import nl.meedoen.plans.GoalStatus;
import nl.meedoen.plans.internal.PersonalPlan.Action;
import nl.meedoen.plans.internal.PersonalPlan.Draft;
import nl.meedoen.plans.internal.PersonalPlan.Goal;
import nl.meedoen.plans.internal.PersonalPlan.PipElements;
import nl.meedoen.plans.internal.PersonalPlan.Plan;
import nl.meedoen.plans.internal.PersonalPlan.Version;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plan's own rules, on fixed days: which version a change goes into, adoption,
 * reviews.
 */
class PersonalPlanTests {

    private static final LocalDate STARTED = LocalDate.of(2025, 1, 15);

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    private static final PlanSettings.Settings QUARTERLY = PlanSettings.Settings.DEFAULTS;

    private final Goal goal = new Goal(UUID.randomUUID(), Area.LANGUAGE, "Lezen op A2", null, GoalStatus.OPEN, null,
            List.of(new Action(UUID.randomUUID(), "Taalles", ActionOwner.PARTNER, null, null, 0)), 0);

    @Test
    void aChangeGoesIntoTheDraftThereIs() {
        PersonalPlan plan = plan(null, draft(1, 4));

        Draft draft = plan.draft(4);

        assertThat(draft.copiedFrom()).isNull();
        assertThat(draft.version()).isSameAs(plan.version());
    }

    @Test
    void aChangeAfterAdoptionStartsTheNextDraftCopiedFromTheAdoptedVersion() {
        Version adopted = adopted(1, LocalDate.of(2025, 2, 1), 5);
        PersonalPlan plan = plan(null, adopted);

        Draft draft = plan.draft(5);

        assertThat(draft.copiedFrom()).isEqualTo(adopted);
        assertThat(draft.version().number()).isEqualTo(2);
        assertThat(draft.version().adopted()).isFalse();
        assertThat(draft.version().lockVersion()).isEqualTo(6);
        assertThat(draft.version().goals()).isEqualTo(adopted.goals());
    }

    @Test
    void aChangeOnAnEarlierStateIsStale() {
        assertThatThrownBy(() -> plan(null, draft(1, 4)).draft(3)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void anAdoptedVersionIsNotAdoptedTwice() {
        PersonalPlan plan = plan(null, adopted(1, LocalDate.of(2025, 2, 1), 5));

        assertThatThrownBy(() -> plan.adoptable(TODAY, TODAY, null)).isInstanceOf(ConflictException.class)
            .hasMessage("plans.adoption.alreadyAdopted");
    }

    @Test
    void aPlanWithoutGoalsIsNotAdopted() {
        Version empty = new Version(UUID.randomUUID(), 1, false, null, null, PipElements.NONE, 0, List.of());

        assertThatThrownBy(() -> plan(null, empty).adoptable(TODAY, TODAY, null)).isInstanceOf(ConflictException.class)
            .hasMessage("plans.adoption.noGoals");
    }

    @Test
    void adoptionIsTodayAtTheLatestAndNotBeforeThePlanOrAnEarlierAdoption() {
        PersonalPlan plan = plan(null, adopted(1, LocalDate.of(2025, 3, 1), 5), draft(2, 7));

        assertThat(plan.adoptable(TODAY, TODAY, 7).number()).isEqualTo(2);
        assertThat(field(() -> plan.adoptable(TODAY.plusDays(1), TODAY, null)))
            .isEqualTo("adoptedOn:plans.date.future");
        assertThat(field(() -> plan.adoptable(STARTED.minusDays(1), TODAY, null)))
            .isEqualTo("adoptedOn:plans.adoption.beforePlan");
        assertThat(field(() -> plan.adoptable(LocalDate.of(2025, 2, 28), TODAY, null)))
            .isEqualTo("adoptedOn:plans.adoption.beforePrevious");
    }

    @Test
    void theNextReviewIsDueTheIntervalAfterTheFirstAdoptionThenAfterTheLastReview() {
        PersonalPlan adoptedOnly = plan(null, adopted(1, LocalDate.of(2025, 2, 10), 1), draft(2, 3));
        PersonalPlan reviewed = plan(LocalDate.of(2025, 5, 31), adopted(1, LocalDate.of(2025, 2, 10), 1));

        assertThat(adoptedOnly.nextReviewDue()).isEqualTo(LocalDate.of(2025, 5, 10));
        assertThat(adoptedOnly.reviewOverdue(TODAY)).isTrue();
        assertThat(reviewed.nextReviewDue()).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(reviewed.reviewOverdue(TODAY)).isFalse();
        assertThat(plan(null, draft(1, 0)).nextReviewDue()).isEqualTo(STARTED.plusMonths(3));
    }

    @Test
    void aReviewDropsAGoalOnlyWithNotesAndIsHeldWhileThePlanRuns() {
        PersonalPlan plan = plan(null, draft(1, 0));

        assertThat(plan.reviewNotes(TODAY, TODAY, "  Gaat goed.  ", Map.of(goal.id(), GoalStatus.ON_TRACK)))
            .isEqualTo("Gaat goed.");
        assertThat(field(() -> plan.reviewNotes(TODAY, TODAY, " ", Map.of(goal.id(), GoalStatus.DROPPED))))
            .isEqualTo("notes:plans.review.dropNeedsNotes");
        assertThat(field(() -> plan.reviewNotes(TODAY, TODAY, "", Map.of(UUID.randomUUID(), GoalStatus.OPEN))))
            .isEqualTo("goalStatuses:plans.review.unknownGoal");
        assertThat(field(() -> plan.reviewNotes(TODAY.plusDays(1), TODAY, "", Map.of())))
            .isEqualTo("heldOn:plans.date.future");
        assertThat(field(() -> plan.reviewNotes(STARTED.minusDays(1), TODAY, "", Map.of())))
            .isEqualTo("heldOn:plans.review.beforePlan");
        assertThat(field(() -> plan.reviewNotes(TODAY, TODAY, "x".repeat(PersonalPlan.MAX_NOTES + 1), Map.of())))
            .isEqualTo("notes:plans.field.tooLong");
    }

    @Test
    void anActionIsDoneTodayAtTheLatest() {
        PersonalPlan plan = plan(null, draft(1, 0));
        UUID action = goal.actions().get(0).id();

        plan.checkDone(action, TODAY, TODAY);
        plan.checkDone(action, null, TODAY);
        assertThat(field(() -> plan.checkDone(action, TODAY.plusDays(1), TODAY))).isEqualTo("doneOn:plans.date.future");
    }

    @Test
    void pipElementsAreStrippedAndLimited() {
        PipElements pip = new PipElements(" B1-route ", " ", null, null, null, null, null);

        assertThat(pip.checked()).isEqualTo(new PipElements("B1-route", null, null, null, null, null, null));
        assertThat(field(
                () -> new PipElements(null, null, null, null, null, null, "x".repeat(PersonalPlan.MAX_PIP_ELEMENT + 1))
                    .checked()))
            .isEqualTo("monitoring:plans.field.tooLong");
    }

    private PersonalPlan plan(@Nullable LocalDate lastReview, Version... versions) {
        Plan plan = new Plan(UUID.randomUUID(), UUID.randomUUID(), STARTED, null, null, null, null, null);
        return new PersonalPlan(plan, List.of(versions), lastReview, QUARTERLY);
    }

    private Version draft(int number, int lock) {
        return new Version(UUID.randomUUID(), number, false, null, null, PipElements.NONE, lock, List.of(goal));
    }

    private Version adopted(int number, LocalDate on, int lock) {
        return new Version(UUID.randomUUID(), number, true, on, "Begeleider", PipElements.NONE, lock, List.of(goal));
    }

    private static String field(Runnable rule) {
        try {
            rule.run();
        }
        catch (InvalidInputException ex) {
            return ex.errors().get(0).field() + ":" + ex.errors().get(0).messageKey();
        }
        throw new AssertionError("the rule held");
    }

}
