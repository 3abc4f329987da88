package nl.meedoen.referrals.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.referrals.ReferralStatus;
import nl.meedoen.referrals.SharedField;
import nl.meedoen.referrals.internal.Referral;
import nl.meedoen.referrals.internal.ReferralSettings;
import nl.meedoen.referrals.internal.Referrals;
import nl.meedoen.referrals.internal.Referrals.PartnerView;
import nl.meedoen.referrals.internal.Referrals.View;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals over JSON. Caseworkers and team leads draft, send and withdraw; a partner
 * user lists and reads the referrals sent to its own organisation, with the person
 * reduced to the shared fields, and records its response and the outcome.
 */
@RestController
@RequestMapping("/api/v1")
class ReferralApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Consent(@Nullable LocalDate givenOn, @Nullable LocalDate validUntil) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DraftBody(@NotNull(message = "{referrals.person.required}") @Nullable UUID personId,
            @NotNull(message = "{referrals.provision.required}") @Nullable UUID provisionId, @Nullable String purpose,
            @Nullable List<String> sharedFields, @Nullable Consent consent, @Nullable String legalBasis) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SendingBody(@Nullable String overrideReason, @Nullable LocalDate date) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TransitionBody(@Nullable String to, @Nullable String reason, @Nullable LocalDate date) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BasisBody(@Nullable Consent consent, @Nullable String legalBasis) {
    }

    record SettingsBody(@Nullable Integer responseDays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Resource(UUID id, String status, UUID personId, String personName, UUID provisionId, String provisionName,
            UUID partnerId, String partnerName, String purpose, List<String> sharedFields, @Nullable Consent consent,
            @Nullable String legalBasis, @Nullable String statusReason, LocalDate statusOn, @Nullable LocalDate sentOn,
            boolean waitingTooLong, boolean consentOverridden, @Nullable String overrideReason,
            @Nullable List<Step> history) {

        static Resource of(View v, @Nullable List<Step> history) {
            Referral r = v.referral();
            return new Resource(r.id(), r.status().name(), r.personId(), v.personName(), r.provisionId(),
                    v.provisionName(), r.partnerId(), v.partnerName(), r.purpose(), names(r.sharedFields()),
                    r.consentGivenOn() == null ? null : new Consent(r.consentGivenOn(), r.consentValidUntil()),
                    r.legalBasis(), r.statusReason(), r.statusOn(), r.sentOn(), v.waitingTooLong(),
                    r.consentOverridden(), r.overrideReason(), history);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartnerResource(UUID id, String status, UUID provisionId, String provisionName, UUID partnerId,
            String purpose, List<String> sharedFields, @Nullable SharedPersonResource person,
            @Nullable String statusReason, LocalDate statusOn, @Nullable LocalDate sentOn, boolean waitingTooLong,
            @Nullable List<Step> history) {

        static PartnerResource of(PartnerView v, @Nullable List<Step> history) {
            Referral r = v.referral();
            return new PartnerResource(r.id(), r.status().name(), r.provisionId(), v.provisionName(), r.partnerId(),
                    r.purpose(), names(r.sharedFields()), SharedPersonResource.of(v.person()), r.statusReason(),
                    r.statusOn(), r.sentOn(), v.waitingTooLong(), history);
        }
    }

    /** Of the person, only the shared fields: the others are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SharedPersonResource(@Nullable String name, @Nullable LocalDate dateOfBirth, @Nullable String phone,
            @Nullable String email, @Nullable String address, @Nullable List<String> languages) {

        static @Nullable SharedPersonResource of(Referrals.@Nullable SharedPerson p) {
            return p == null ? null : new SharedPersonResource(p.name(), p.dateOfBirth(), p.phone(), p.email(),
                    p.address(), p.languages());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(@Nullable String from, String to, LocalDate date, String actor, @Nullable String reason) {

        static Step of(Referrals.Transition t) {
            return new Step(t.fromStatus() == null ? null : t.fromStatus().name(), t.toStatus().name(), t.onDate(),
                    t.actorName(), t.reason());
        }
    }

    private final Referrals referrals;

    private final ReferralSettings settings;

    ReferralApi(Referrals referrals, ReferralSettings settings) {
        this.referrals = referrals;
        this.settings = settings;
    }

    @PostMapping("/referrals")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    ResponseEntity<Resource> draft(@Valid @RequestBody DraftBody body) {
        Referral referral = referrals.draft(
                new Referrals.Draft(body.personId(), body.provisionId(), body.purpose() == null ? "" : body.purpose(),
                        sharedFields(body.sharedFields()), body.consent() == null ? null : body.consent().givenOn(),
                        body.consent() == null ? null : body.consent().validUntil(), body.legalBasis()));
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id()))
            .body(Resource.of(referrals.find(referral.id()), null));
    }

    /** Records the consent or other legal basis of a draft. */
    @PutMapping("/referrals/{id}/basis")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    Resource recordBasis(@PathVariable UUID id, @RequestBody BasisBody body) {
        referrals.recordBasis(id, body.consent() == null ? null : body.consent().givenOn(),
                body.consent() == null ? null : body.consent().validUntil(), body.legalBasis());
        return Resource.of(referrals.find(id), null);
    }

    @PostMapping("/referrals/{id}/sending")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    Resource send(@PathVariable UUID id, @RequestBody(required = false) @Nullable SendingBody body) {
        referrals.send(id, body == null ? null : body.overrideReason(), body == null ? null : body.date());
        return Resource.of(referrals.find(id), null);
    }

    @PostMapping("/referrals/{id}/transitions")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'PARTNER')")
    Object transition(@PathVariable UUID id, @RequestBody TransitionBody body) {
        referrals.transition(id, status(body.to()), body.reason(), body.date());
        return read(id);
    }

    @GetMapping("/referrals")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'PARTNER')")
    Map<String, List<?>> list(@RequestParam(required = false) @Nullable UUID personId,
            @RequestParam(required = false) @Nullable String status) {
        ReferralStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ReferralStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidInputException("status", "referrals.status.unknown");
            }
        }
        if (isPartner()) {
            return Map.of("items",
                    referrals.forMyOrganisation(wanted).stream().map(v -> PartnerResource.of(v, null)).toList());
        }
        return Map.of("items", referrals.list(personId, wanted).stream().map(v -> Resource.of(v, null)).toList());
    }

    @GetMapping("/referrals/{id}")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'PARTNER')")
    Object read(@PathVariable UUID id) {
        if (isPartner()) {
            PartnerView view = referrals.findForMyOrganisation(id);
            return PartnerResource.of(view, referrals.history(id).stream().map(Step::of).toList());
        }
        View view = referrals.find(id);
        return Resource.of(view, referrals.history(id).stream().map(Step::of).toList());
    }

    @GetMapping("/referral-settings")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'ADMIN')")
    ReferralSettings.Rules settings() {
        return settings.current();
    }

    @PutMapping("/referral-settings")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'ADMIN')")
    ReferralSettings.Rules changeSettings(@RequestBody SettingsBody body) {
        if (body.responseDays() == null) {
            throw new InvalidInputException("responseDays", "referrals.settings.responseDays");
        }
        return settings.change(body.responseDays());
    }

    private static boolean isPartner() {
        return CurrentUser.current().map(u -> u.hasRole(Role.PARTNER)).orElse(false);
    }

    static ReferralStatus status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("to", "referrals.status.unknown");
        }
        try {
            return ReferralStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("to", "referrals.status.unknown");
        }
    }

    static List<SharedField> sharedFields(@Nullable List<String> values) {
        List<SharedField> fields = new ArrayList<>();
        if (values == null) {
            return fields;
        }
        for (String value : values) {
            try {
                fields.add(SharedField.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT)));
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidInputException("sharedFields", "referrals.sharedFields.unknown");
            }
        }
        return fields;
    }

    private static List<String> names(List<SharedField> fields) {
        return fields.stream().map(SharedField::name).toList();
    }

}
