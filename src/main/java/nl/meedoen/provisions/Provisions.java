package nl.meedoen.provisions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of the provisions and partner organisations of the current
 * municipality. Another municipality's provision or partner is absent, exactly like one
 * that does not exist.
 */
public interface Provisions {

    /** A provision as other modules see it. */
    record Provision(UUID id, String name, UUID partnerId, String partnerName, Domain domain, List<String> languages,
            boolean active) {
    }

    /** A partner organisation as other modules see it. */
    record Partner(UUID id, String name, PartnerKind kind) {
    }

    Optional<Provision> find(UUID provisionId);

    /**
     * The provisions among {@code provisionIds} that exist in the current municipality.
     */
    List<Provision> findAll(Collection<UUID> provisionIds);

    /** The active provisions of the current municipality, by name. */
    List<Provision> active();

    Optional<Partner> partner(UUID partnerId);

    /**
     * A provision as a resident reads it in the directory: what it offers, for whom, in
     * which languages, and how to reach it (the partner organisation's own phone and
     * e-mail).
     */
    record Offer(UUID id, String name, String partnerName, Domain domain, String description,
            @Nullable String targetGroup, List<String> languages, @Nullable String cost, @Nullable String location,
            @Nullable String openingHours, @Nullable String howToApply, @Nullable String phone,
            @Nullable String email) {
    }

    /**
     * The active provisions of the current municipality offered in at least one of
     * {@code languageCodes} (ISO 639 codes), by domain and name; none for no codes.
     */
    List<Offer> offeredIn(Collection<String> languageCodes);

    /** How a partner organisation is reached, as its directory entry says. */
    record PartnerContact(@Nullable String phone, @Nullable String email, @Nullable String address) {
    }

    /**
     * How the partner organisations among {@code partnerIds} of the current municipality
     * are reached, by partner.
     */
    Map<UUID, PartnerContact> contacts(Collection<UUID> partnerIds);

}
