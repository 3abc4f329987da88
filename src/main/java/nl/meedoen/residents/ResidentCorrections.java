package nl.meedoen.residents;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Bringing a file in line with a register that keeps the same facts (the population
 * register, BRP): what the file records of those facts, and a correction of one of them
 * at a time, on the file's own rules and logged as its change. Only files the caller may
 * open are found. A caller that shows what it reads logs that read itself.
 */
public interface ResidentCorrections {

    /** An address as the file keeps it. */
    record Address(@Nullable String street, @Nullable String houseNumber, @Nullable String postcode,
            @Nullable String city) {

        /** Whether nothing of the address is known. */
        public boolean empty() {
            return street == null && houseNumber == null && postcode == null && city == null;
        }

    }

    /** The facts a register keeps too. */
    record Facts(@Nullable String givenName, @Nullable String familyName, @Nullable LocalDate dateOfBirth,
            @Nullable Gender gender, Address address) {

        @Override
        public String toString() {
            return "Facts[" + givenName + " " + familyName + "]";
        }

    }

    /** A file's facts with the version they were read at and its household. */
    record Recorded(UUID personId, int version, @Nullable String bsn, Facts facts, @Nullable UUID householdId) {

        @Override
        public String toString() {
            return "Recorded[" + personId + "]";
        }

    }

    /** One fact to take over; an address is taken over as a whole. */
    enum Fact {

        GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, GENDER, ADDRESS

    }

    /**
     * The file, when it exists in the current municipality and the caller may open it.
     */
    Optional<Recorded> recorded(UUID personId);

    /** The file with this BSN (as stored: nine digits) the caller may open. */
    Optional<Recorded> withBsn(String bsn);

    /**
     * Takes over one fact from {@code from} into the file, when the file is still at
     * {@code expectedVersion} (else a {@link nl.meedoen.platform.StaleVersionException});
     * the rest of the file stays as it is. A value the file's rules refuse answers a
     * {@link nl.meedoen.platform.InvalidInputException} and changes nothing. Logged as
     * the file's change; answers the file as it is now.
     */
    Recorded correct(UUID personId, int expectedVersion, Fact fact, Facts from);

    /**
     * How the person is reached, as the person reports a change of it (Mijn Meedoen): a
     * new phone number, e-mail address or address (as a whole); a part that is null stays
     * as the file has it.
     */
    record Reach(@Nullable String phone, @Nullable String email, @Nullable Address address) {

        @Override
        public String toString() {
            return "Reach[*]";
        }

    }

    /**
     * Checks the change against the file's rules without changing anything: a value the
     * rules refuse answers a {@link nl.meedoen.platform.InvalidInputException} naming the
     * field ({@code phone}, {@code email}, {@code street}, {@code houseNumber},
     * {@code postcode}, {@code city}).
     */
    void checkReach(UUID personId, Reach change);

    /**
     * Takes the change into the file when it is still at {@code expectedVersion} (else a
     * {@link nl.meedoen.platform.StaleVersionException}), on the file's rules as
     * {@link #checkReach}; logged as the file's change.
     */
    Recorded changeReach(UUID personId, int expectedVersion, Reach change);

}
