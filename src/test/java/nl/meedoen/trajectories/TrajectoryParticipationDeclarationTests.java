package nl.meedoen.trajectories;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.trajectories.internal.ParticipationDeclarations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrajectoryParticipationDeclarationTests {

    @Test
    void completionRequiresTwelveHoursAndASigningDate() {
        assertThatThrownBy(() -> ParticipationDeclarations.completionRequiresHoursAndSigning(new BigDecimal("11.5"),
                LocalDate.of(2025, 5, 1), 12))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("status");
        assertThatThrownBy(
                () -> ParticipationDeclarations.completionRequiresHoursAndSigning(new BigDecimal("12"), null, 12))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("signedOn");
        ParticipationDeclarations.completionRequiresHoursAndSigning(new BigDecimal("12.0"), LocalDate.of(2025, 5, 1),
                12);
    }

}
