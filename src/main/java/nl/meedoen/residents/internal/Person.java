package nl.meedoen.residents.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import nl.meedoen.residents.EndReason;
import org.jspecify.annotations.Nullable;

/**
 * A person's file as stored: the recorded data plus identity, version, household and end.
 */
public record Person(UUID id, int version, PersonData data, @Nullable UUID householdId, @Nullable UUID teamId,
        @Nullable LocalDate endedOn, @Nullable EndReason endReason) {

    public String fullName() {
        return data.givenName() + " " + data.familyName();
    }

    public boolean ended() {
        return endedOn != null;
    }

    /** Age in whole years on the given day. */
    public int ageOn(LocalDate day) {
        return data.dateOfBirth() == null ? 0 : Period.between(data.dateOfBirth(), day).getYears();
    }
}
