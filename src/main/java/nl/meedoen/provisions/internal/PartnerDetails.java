package nl.meedoen.provisions.internal;

import java.util.UUID;

import nl.meedoen.provisions.PartnerKind;
import org.jspecify.annotations.Nullable;

/** A partner organisation as stored. */
public record PartnerDetails(UUID id, String name, PartnerKind kind, @Nullable String contactName,
        @Nullable String email, @Nullable String phone, @Nullable String street, @Nullable String houseNumber,
        @Nullable String postcode, @Nullable String city) {

    public String address() {
        StringBuilder address = new StringBuilder();
        if (street != null) {
            address.append(street);
            if (houseNumber != null) {
                address.append(' ').append(houseNumber);
            }
        }
        if (city != null) {
            address.append(address.isEmpty() ? "" : ", ");
            if (postcode != null) {
                address.append(postcode).append(' ');
            }
            address.append(city);
        }
        return address.toString();
    }
}
