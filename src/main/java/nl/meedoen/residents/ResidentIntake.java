package nl.meedoen.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.InvalidInputException.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * Registering and bringing up to date persons and households from a list another party
 * delivers (the COA match list): the same rules as the file's own form, and every change
 * logged in the same transaction as on the form. The caller shows nothing of the file
 * through this API, so it logs no reads.
 */
public interface ResidentIntake {

    /**
     * What a list knows of a person. Fields that are absent leave an existing file as it
     * is.
     */
    record Registration(@Nullable String givenName, @Nullable String familyName, @Nullable LocalDate dateOfBirth,
            @Nullable Gender gender, @Nullable String bsn, @Nullable String vNumber, @Nullable String nationality,
            List<String> languages) {

        @Override
        public String toString() {
            return "Registration[" + givenName + " " + familyName + "]";
        }
    }

    /**
     * A file of the current municipality the caller may open, found by BSN or V-number:
     * its version and household, and whether the registration would change it.
     */
    record Known(UUID personId, int version, @Nullable UUID householdId, boolean changedBy) {
    }

    /**
     * The rules of the file's form a new file of this registration breaks (field names as
     * in the API, message keys of residents); empty when it may be registered.
     */
    List<FieldError> check(Registration registration);

    /**
     * The file with the registration's BSN or V-number. A BSN and a V-number of two
     * different files answer a {@link nl.meedoen.platform.ConflictException}.
     */
    Optional<Known> lookup(Registration registration);

    /**
     * Registers a permit holder for the caller's team; answers the new file's id. Logged
     * as its creation.
     */
    UUID register(Registration registration);

    /**
     * Brings a file up to date with the registration, when the file is still at
     * {@code expectedVersion} (else a {@link nl.meedoen.platform.StaleVersionException}).
     * Answers whether anything changed; an unchanged file is not written nor logged.
     */
    boolean update(UUID personId, int expectedVersion, Registration registration);

    /** A person and the role they have in a household. */
    record Member(UUID personId, HouseholdRole role) {
    }

    /**
     * Puts the persons in one household: a new one when none of them has one, else the
     * one they have (at most one among them, else a
     * {@link nl.meedoen.platform.ConflictException}). Answers whether anything changed.
     */
    boolean household(List<Member> members);

}
