package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.referrals.internal.Referral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The referral lifecycle and the consent rules, without Spring. */
class ReferralLifecycleTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @ParameterizedTest
    @CsvSource({ "DRAFT,SENT", "DRAFT,WITHDRAWN", "SENT,ACCEPTED", "SENT,DECLINED", "SENT,WITHDRAWN",
            "ACCEPTED,STARTED", "ACCEPTED,WITHDRAWN", "STARTED,COMPLETED", "STARTED,DROPPED_OUT", "STARTED,WITHDRAWN" })
    void legalTransitions(ReferralStatus from, ReferralStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "DRAFT,ACCEPTED", "SENT,STARTED", "ACCEPTED,COMPLETED", "DECLINED,ACCEPTED", "COMPLETED,STARTED",
            "DROPPED_OUT,STARTED", "WITHDRAWN,SENT", "SENT,DRAFT" })
    void illegalTransitions(ReferralStatus from, ReferralStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @Test
    void finalStatesGoNowhere() {
        assertThat(List.of(ReferralStatus.DECLINED, ReferralStatus.COMPLETED, ReferralStatus.DROPPED_OUT,
                ReferralStatus.WITHDRAWN))
            .allSatisfy(s -> assertThat(s.isFinal()).isTrue());
    }

    @Test
    void anIllegalStepIsAConflictAndDecliningNeedsAReason() {
        Referral sent = referral(ReferralStatus.SENT, TODAY.minusDays(1), null, null);
        assertThatThrownBy(() -> check(sent, ReferralStatus.COMPLETED, null, TODAY))
            .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> check(sent, ReferralStatus.DECLINED, " ", TODAY))
            .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> check(sent, ReferralStatus.ACCEPTED, null, TODAY.plusDays(1)))
            .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> check(sent, ReferralStatus.ACCEPTED, null, TODAY.minusDays(2)))
            .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void consentCountsOnlyWhileValidAndALegalBasisAlways() {
        assertThat(referral(ReferralStatus.DRAFT, TODAY, TODAY.minusDays(10), TODAY).maySendOn(TODAY)).isTrue();
        assertThat(referral(ReferralStatus.DRAFT, TODAY, TODAY.minusDays(10), TODAY.minusDays(1)).maySendOn(TODAY))
            .isFalse();
        assertThat(referral(ReferralStatus.DRAFT, TODAY, TODAY.plusDays(1), null).maySendOn(TODAY)).isFalse();
        assertThat(referral(ReferralStatus.DRAFT, TODAY, TODAY.minusDays(1), null).maySendOn(TODAY)).isTrue();
        assertThat(referral(ReferralStatus.DRAFT, TODAY, null, null).maySendOn(TODAY)).isFalse();
        assertThat(new Referral(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "doel",
                List.of(SharedField.NAME), null, null, "Wet inburgering 2021", ReferralStatus.DRAFT, null, TODAY, null,
                null, null, 0)
            .maySendOn(TODAY)).isTrue();
    }

    @Test
    void aSentReferralWaitsTooLongAfterTheResponseDays() {
        Referral sent = new Referral(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "doel",
                List.of(SharedField.NAME), TODAY, null, null, ReferralStatus.SENT, null, TODAY.minusDays(14),
                TODAY.minusDays(14), null, null, 0);
        assertThat(sent.waitingTooLong(TODAY, 14)).isFalse();
        assertThat(sent.waitingTooLong(TODAY.plusDays(1), 14)).isTrue();
        assertThat(sent.waitingTooLong(TODAY.plusDays(1), 15)).isFalse();
    }

    @Test
    void aWithdrawnConsentStopsSharingFromItsDayUnlessAnotherLegalBasisHolds() {
        Referral withdrawn = new Referral(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "doel", List.of(SharedField.NAME), TODAY.minusDays(20), null, null, ReferralStatus.ACCEPTED, null,
                TODAY.minusDays(10), TODAY.minusDays(10), null, TODAY, 0);
        assertThat(withdrawn.partnerSeesPersonOn(TODAY.minusDays(1), 30)).isTrue();
        assertThat(withdrawn.partnerSeesPersonOn(TODAY, 30)).isFalse();
        assertThat(withdrawn.hasConsentOn(TODAY.minusDays(1))).isTrue();
        assertThat(withdrawn.hasConsentOn(TODAY)).isFalse();
        Referral underTheLaw = new Referral(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "doel", List.of(SharedField.NAME), TODAY.minusDays(20), null, "Wet inburgering 2021",
                ReferralStatus.ACCEPTED, null, TODAY.minusDays(10), TODAY.minusDays(10), null, TODAY, 0);
        assertThat(underTheLaw.partnerSeesPersonOn(TODAY, 30)).isTrue();
    }

    private static Referral referral(ReferralStatus status, LocalDate statusOn, LocalDate givenOn,
            LocalDate validUntil) {
        return new Referral(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "doel",
                List.of(SharedField.NAME), givenOn, validUntil, null, status, null, statusOn, null, null, null, 0);
    }

    private static void check(Referral referral, ReferralStatus to, String reason, LocalDate on) {
        referral.checkTransition(to, reason, on, TODAY);
    }

}
