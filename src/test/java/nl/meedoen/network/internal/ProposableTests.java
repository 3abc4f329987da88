package nl.meedoen.network.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.MatchRequests.MatchRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may be proposed for a match request, on a fixed day: the one rule the candidate
 * list and a proposal share.
 */
class ProposableTests {

    private static final Clock LEAP_DAY = Clock.fixed(Instant.parse("2024-02-29T11:00:00Z"),
            ZoneId.of("Europe/Amsterdam"));

    private static final LocalDate TODAY = LocalDate.now(LEAP_DAY);

    private static final UUID PERSON = UUID.randomUUID();

    private static final MatchRequest REQUEST = new MatchRequest(UUID.randomUUID(), PERSON,
            VolunteerRole.LANGUAGE_BUDDY, List.of("ar"), List.of(), List.of(), Set.of(), null, null, null,
            MatchRequests.Status.OPEN, Instant.EPOCH);

    record Volunteer(boolean active, Set<VolunteerRole> roles, @Nullable LocalDate vogDate, int activeMatches,
            int maxMatches, @Nullable UUID personId) implements Proposable {

        static Volunteer eligible() {
            return new Volunteer(true, EnumSet.of(VolunteerRole.LANGUAGE_BUDDY), TODAY.minusYears(1), 0, 2, null);
        }

        Volunteer withVog(@Nullable LocalDate day) {
            return new Volunteer(active, roles, day, activeMatches, maxMatches, personId);
        }

        @Nullable String refusal() {
            return refusalFor(REQUEST, NetworkSettings.Rules.DEFAULTS, TODAY);
        }
    }

    @Test
    void anActiveVolunteerWithTheRoleAValidVogAndRoomMayBeProposed() {
        assertThat(Volunteer.eligible().refusal()).isNull();
    }

    @Test
    void aVogIsValidUntilTheDayBeforeTheValidityYearsHavePassed() {
        assertThat(Volunteer.eligible().withVog(LocalDate.of(2021, 3, 1)).refusal()).isNull();
        assertThat(Volunteer.eligible().withVog(LocalDate.of(2021, 2, 28)).refusal())
            .isEqualTo("network.match.vogInvalid");
    }

    @Test
    void aVogFromTheFutureOrNoneAtAllIsNoVog() {
        assertThat(Volunteer.eligible().withVog(TODAY.plusDays(1)).refusal()).isEqualTo("network.match.vogInvalid");
        assertThat(Volunteer.eligible().withVog(null).refusal()).isEqualTo("network.match.vogInvalid");
    }

    @Test
    void aStoppedVolunteerWithoutTheRoleAtMaximumLoadOrThePersonThemselvesIsRefusedWithTheReason() {
        Volunteer ok = Volunteer.eligible();
        assertThat(new Volunteer(false, ok.roles(), ok.vogDate(), 0, 2, null).refusal())
            .isEqualTo("network.match.volunteerInactive");
        assertThat(new Volunteer(true, EnumSet.of(VolunteerRole.WORK_MENTOR), ok.vogDate(), 0, 2, null).refusal())
            .isEqualTo("network.match.roleMissing");
        assertThat(new Volunteer(true, ok.roles(), ok.vogDate(), 2, 2, null).refusal())
            .isEqualTo("network.match.atMaxLoad");
        assertThat(new Volunteer(true, ok.roles(), ok.vogDate(), 0, 2, PERSON).refusal())
            .isEqualTo("network.match.self");
    }

}
