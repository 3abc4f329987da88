package nl.meedoen.network;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A contact (family, a friend, a club, ...) was added to the person's own network. */
public record NetworkContactAdded(UUID municipalityId, UUID personId, UUID contactId, ContactKind kind,
        @Nullable LocalDate since) {
}
