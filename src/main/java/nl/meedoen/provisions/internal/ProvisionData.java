package nl.meedoen.provisions.internal;

import java.util.List;
import java.util.UUID;

import nl.meedoen.provisions.Domain;
import org.jspecify.annotations.Nullable;

/** A provision whose rules hold, ready to store. */
public record ProvisionData(UUID partnerId, String name, String description, Domain domain,
        @Nullable String targetGroup, List<String> languages, @Nullable String cost, @Nullable String accessibility,
        @Nullable String location, @Nullable String openingHours, @Nullable String howToApply, boolean active) {
}
