package nl.meedoen.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.meedoen.platform.Time;
import nl.meedoen.portal.internal.ChangeRequests.ChangeRequest;
import org.jspecify.annotations.Nullable;

/**
 * The resident's reported changes in words: what was asked, when, and where it stands
 * (waiting, taken over, not taken over with the caseworker's note).
 */
record ChangesView(List<Item> items) {

    record Item(UUID id, String status, String statusText, String when, List<String> lines, @Nullable String note) {
    }

    static ChangesView of(List<ChangeRequest> requests, Locale locale) {
        return new ChangesView(requests.stream().map(r -> {
            List<String> lines = new ArrayList<>();
            if (r.phone() != null) {
                lines.add(PortalLanguage.text(locale, "portal.change.phone") + ": " + r.phone());
            }
            if (r.email() != null) {
                lines.add(PortalLanguage.text(locale, "portal.change.email") + ": " + r.email());
            }
            if (r.address() != null) {
                var a = r.address();
                lines.add(PortalLanguage.text(locale, "portal.change.address") + ": " + a.street() + " "
                        + a.houseNumber() + ", " + a.postcode() + " " + a.city());
            }
            String when = PortalLanguage.date(locale, r.requestedAt().atZone(Time.ZONE).toLocalDate());
            return new Item(r.id(), r.status().name(),
                    PortalLanguage.text(locale, "portal.change.status." + r.status().name()), when, lines, r.note());
        }).toList());
    }

}
