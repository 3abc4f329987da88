package nl.meedoen.residents;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.IdentifyingNumbers;
import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of the persons of the current municipality: enough to
 * recognise, count and link them. Another municipality's person is absent, exactly like
 * one that does not exist. Reading a whole file (and logging that read) stays with this
 * module's pages and API.
 */
public interface Residents {

    /** A person as other modules see them. */
    record Resident(UUID id, String name, LocalDate dateOfBirth, Category category, @Nullable UUID householdId,
            @Nullable UUID teamId, boolean ended, @Nullable LocalDate arrivalDate, @Nullable Gender gender) {

        /**
         * Whether the person is of the logged-in user's own team (work without a user,
         * the system's, counts as own). Need-to-know opens a file to a team it is shared
         * with; what only the file's own team reads (intake health notes) asks this.
         */
        public boolean ofCallersTeam() {
            return CurrentUser.current()
                .map(user -> user.teamId() != null && Objects.equals(user.teamId(), teamId))
                .orElse(true);
        }
    }

    Optional<Resident> find(UUID personId);

    /**
     * How to reach a person and the languages they speak, e.g. to share with a partner on
     * a recorded basis.
     */
    record Contact(@Nullable String phone, @Nullable String email, @Nullable String address, List<String> languages,
            @Nullable String postcode) {
    }

    /** The contact details of a person of the current municipality. */
    Optional<Contact> contact(UUID personId);

    /** The persons among {@code personIds} that exist in the current municipality. */
    List<Resident> findAll(Collection<UUID> personIds);

    /**
     * The members of a household of the current municipality (empty when there is none).
     */
    List<Resident> household(UUID householdId);

    /**
     * Persons whose names start with the words of {@code query} (or with that BSN or
     * V-number), files not ended, at most {@code limit}, by family name. A handler that
     * shows the result of a search by number logs it as {@code SEARCH}.
     */
    List<Resident> search(String query, int limit);

    /**
     * Whether a search query is a BSN or V-number (8 to 10 digits, spaces and dots
     * ignored): it looks up exactly one person, and showing what it finds is logged.
     */
    static boolean identifiesByNumber(String query) {
        return IdentifyingNumbers.looksLikeOne(query);
    }

    /**
     * Persons of a category whose file is not ended, at most {@code limit}, earliest
     * registration first.
     */
    List<Resident> ofCategory(Category category, int limit);

    /**
     * What identifies a person when their file moves to another municipality; the numbers
     * stay out of logs.
     */
    record Identity(String givenName, String familyName, LocalDate dateOfBirth, @Nullable Gender gender,
            Category category, @Nullable String bsn, @Nullable String vNumber, @Nullable String countryOfBirth,
            @Nullable String nationality, List<String> languages, @Nullable LocalDate arrivalDate) {

        @Override
        public String toString() {
            return "Identity[" + givenName + " " + familyName + "]";
        }
    }

    /** The identity of a person of the current municipality. */
    Optional<Identity> identity(UUID personId);

    /**
     * Registers a person who moved in from another municipality of this installation, for
     * the caller's team, and records their departure there: from now on that municipality
     * finds nothing of the file it had ({@code fromPersonId}), exactly as if it never
     * existed. Answers the new file's id; logged as its creation.
     */
    UUID moveIn(Identity identity, UUID fromMunicipalityId, UUID fromPersonId, LocalDate on);

}
