package nl.meedoen.exchange;

import java.util.UUID;

/**
 * A partner organisation reported a person absent without notice from a session of the
 * referral it works on (by API or in a confirmed CSV upload, then once per person).
 */
public record PartnerAbsenceReported(UUID municipalityId, UUID personId) {
}
