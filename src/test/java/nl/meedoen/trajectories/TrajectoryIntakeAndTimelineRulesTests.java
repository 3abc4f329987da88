package nl.meedoen.trajectories;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.law.NationalRules;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.trajectories.internal.Guidance;
import nl.meedoen.trajectories.internal.Intakes.Appointment;
import nl.meedoen.trajectories.internal.LegalDates;
import nl.meedoen.trajectories.internal.ParticipationDeclarations.Pvt;
import nl.meedoen.trajectories.internal.Timeline;
import nl.meedoen.trajectories.internal.Timeline.Entry;
import nl.meedoen.trajectories.internal.Timeline.State;
import nl.meedoen.trajectories.internal.TrajectorySettings;
import nl.meedoen.trajectories.internal.TrajectorySettings.Rules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The no-show ladder, the ontzorgen end date and the order of the timeline, on their own
 * cases.
 */
class TrajectoryIntakeAndTimelineRulesTests {

    @Test
    void theLadderWarnsFirstThenProposesAFineTwiceAndStopsInvitingAfterTheThird() {
        assertThat(NoShowConsequence.ofStep(1)).isEqualTo(NoShowConsequence.WARNING);
        assertThat(NoShowConsequence.ofStep(2)).isEqualTo(NoShowConsequence.FINE_PROPOSAL);
        assertThat(NoShowConsequence.ofStep(3)).isEqualTo(NoShowConsequence.SECOND_FINE_PROPOSAL);
        assertThat(NoShowConsequence.ofStep(4)).isEqualTo(NoShowConsequence.SECOND_FINE_PROPOSAL);
        assertThat(NoShowConsequence.WARNING.proposesFine()).isFalse();
        assertThat(NoShowConsequence.FINE_PROPOSAL.proposesFine()).isTrue();
        assertThat(NoShowConsequence.FINE_PROPOSAL.needsNewInvitation()).isTrue();
        assertThat(NoShowConsequence.SECOND_FINE_PROPOSAL.needsNewInvitation()).isFalse();
        assertThatThrownBy(() -> NoShowConsequence.ofStep(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ontzorgenEndsSixMonthsLaterOnTheLastDayOfAShorterMonth() {
        LegalDates legal = new LegalDates(new NationalRules());
        assertThat(legal.ontzorgenEnd(LocalDate.of(2026, 8, 31)).date()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(legal.ontzorgenEnd(LocalDate.of(2027, 8, 31)).date()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(legal.ontzorgenEnd(LocalDate.of(2026, 1, 15)).date()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(legal.ontzorgenEnd(LocalDate.of(2026, 1, 15)).source()).isEqualTo("Participatiewet, art. 56a");
    }

    @Test
    void theTimelineShowsThePastInOrderThenWhatIsDueAndMarksAMissedDeadlineOverdue() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        Guidance guidance = new Guidance(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 11, 1), Guidance.Status.ACTIVE, null, null, null);
        Appointment coming = new Appointment(UUID.randomUUID(), LocalDate.of(2026, 12, 3), null, null,
                IntakeOutcome.SCHEDULED, null, null, null, 0);
        Appointment missed = new Appointment(UUID.randomUUID(), LocalDate.of(2026, 10, 2), null, null,
                IntakeOutcome.NO_SHOW, 1, NoShowConsequence.WARNING, null, 1);
        Pvt pvt = new Pvt(PvtStatus.IN_PROGRESS, null, BigDecimal.valueOf(4), List.of());

        List<Entry> timeline = Timeline.of(guidance, List.of(), null, pvt, List.of(coming, missed), null, List.of(),
                List.of(), List.of(), null, today);

        assertThat(timeline).extracting(Entry::key)
            .containsExactly("timeline.guidanceStarted", "timeline.intakeNoShow.WARNING", "timeline.guidanceEnds",
                    "timeline.intakeAppointment");
        assertThat(timeline).extracting(Entry::state).containsExactly(State.DONE, State.DONE, State.OVERDUE, State.DUE);
    }

    @Test
    void settingsOutsideTheirRangeAreRefusedPerField() {
        Rules none = new Rules(0, 3, 2, 12, 250, 99);

        assertThatThrownBy(() -> TrajectorySettings.validate(none, 800)).isInstanceOfSatisfying(
                InvalidInputException.class,
                ex -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
                    .containsExactly("guidanceMonths", "calendarWeeks"));
    }

    @Test
    void aNoShowFineAboveTheLegalMaximumIsRefusedAndTheMaximumItselfIsAllowed() {
        TrajectorySettings.validate(Rules.DEFAULTS.withNoShowFineEuros(800), 800);

        assertThatThrownBy(() -> TrajectorySettings.validate(Rules.DEFAULTS.withNoShowFineEuros(801), 800))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    ex -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::messageKey)
                        .containsExactly("trajectories.settings.noShowFineEuros.aboveLegalMaximum"));
    }

}
