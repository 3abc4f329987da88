package nl.meedoen.referrals.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsNoPersonData;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.referrals.ReferralStatus;
import nl.meedoen.referrals.SharedField;
import nl.meedoen.referrals.internal.Referral;
import nl.meedoen.referrals.internal.ReferralSettings;
import nl.meedoen.referrals.internal.ReferralViews;
import nl.meedoen.referrals.internal.ReferralViews.PartnerView;
import nl.meedoen.referrals.internal.ReferralViews.View;
import nl.meedoen.referrals.internal.Referrals;
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
@Tag(name = "Referrals", description = """
        Referrals of a person to a provision of a partner organisation: DRAFT → SENT → ACCEPTED | DECLINED → \
        STARTED → COMPLETED | DROPPED_OUT, and WITHDRAWN by the caseworker from any state that is not final. \
        Data is shared with the partner only with valid consent or another legal basis (a team lead may \
        override with a reason, which is logged), and then only the fields the caseworker chose. Every \
        change and every read of a person's referral is logged.""")
class ReferralApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Consent(@Nullable LocalDate givenOn, @Nullable LocalDate validUntil) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DraftBody(@NotNull(message = "{referrals.person.required}") @Nullable UUID personId,
            @NotNull(message = "{referrals.provision.required}") @Nullable UUID provisionId, @Nullable String purpose,
            @Nullable List<SharedField> sharedFields, @Nullable Consent consent, @Nullable String legalBasis) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SendingBody(@Nullable String overrideReason, @Nullable LocalDate date) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TransitionBody(@NotNull(message = "{referrals.status.unknown}") @Nullable ReferralStatus to,
            @Nullable String reason, @Nullable LocalDate date) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BasisBody(@Nullable Consent consent, @Nullable String legalBasis) {
    }

    record SettingsBody(@Nullable Integer responseDays, @Nullable Integer partnerGraceDays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Resource(UUID id, String status, UUID personId, String personName, UUID provisionId, String provisionName,
            UUID partnerId, String partnerName, String purpose, List<String> sharedFields, @Nullable Consent consent,
            @Nullable String legalBasis, @Nullable String statusReason, LocalDate statusOn, @Nullable LocalDate sentOn,
            boolean waitingTooLong, boolean consentOverridden, @Nullable String overrideReason,
            @Nullable List<Step> history, int version) {

        static Resource of(View v, @Nullable List<Step> history) {
            Referral r = v.referral();
            return new Resource(r.id(), r.status().name(), r.personId(), v.personName(), r.provisionId(),
                    v.provisionName(), r.partnerId(), v.partnerName(), r.purpose(), names(r.sharedFields()),
                    r.consentGivenOn() == null ? null : new Consent(r.consentGivenOn(), r.consentValidUntil()),
                    r.legalBasis(), r.statusReason(), r.statusOn(), r.sentOn(), v.waitingTooLong(),
                    r.consentOverridden(), r.overrideReason(), history, r.version());
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
                    r.purpose(), names(r.sharedFields()), SharedPersonResource.of(v.person()),
                    r.status().isPartnerResponse() ? r.statusReason() : null, r.statusOn(), r.sentOn(),
                    v.waitingTooLong(), history);
        }
    }

    /** Of the person, only the shared fields: the others are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SharedPersonResource(@Nullable String name, @Nullable LocalDate dateOfBirth, @Nullable String phone,
            @Nullable String email, @Nullable String address, @Nullable List<String> languages) {

        static @Nullable SharedPersonResource of(ReferralViews.@Nullable SharedPerson p) {
            return p == null ? null : new SharedPersonResource(p.name(), p.dateOfBirth(), p.phone(), p.email(),
                    p.address(), p.languages());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(@Nullable String from, String to, LocalDate date, String actor, @Nullable String reason) {

        static Step of(ReferralViews.Transition t) {
            return new Step(t.fromStatus() == null ? null : t.fromStatus().name(), t.toStatus().name(), t.onDate(),
                    t.actorName(), t.reason());
        }
    }

    private final Referrals referrals;

    private final ReferralViews views;

    private final ReferralSettings settings;

    private final AuditLog audit;

    ReferralApi(Referrals referrals, ReferralViews views, ReferralSettings settings, AuditLog audit) {
        this.referrals = referrals;
        this.views = views;
        this.settings = settings;
        this.audit = audit;
    }

    @PostMapping("/referrals")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    @Operation(summary = "Draft a referral",
            description = "Caseworkers and team leads. A purpose and at least one shared field are required, "
                    + "consent may not be given in the future nor end before it was given (400 with the field); "
                    + "an inactive provision is a 409, a person or provision of another municipality a 404. "
                    + "Answers 201 with the draft.")
    ResponseEntity<Resource> draft(@Valid @RequestBody DraftBody body) {
        Referral referral = referrals.draft(
                new Referrals.Draft(body.personId(), body.provisionId(), body.purpose() == null ? "" : body.purpose(),
                        body.sharedFields() == null ? List.of() : body.sharedFields(),
                        body.consent() == null ? null : body.consent().givenOn(),
                        body.consent() == null ? null : body.consent().validUntil(), body.legalBasis()));
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id()))
            .eTag(IfMatch.etag(referral.version()))
            .body(shown(referral.id(), false));
    }

    @PutMapping("/referrals/{id}/basis")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    @Operation(summary = "Record the consent or other legal basis of a draft",
            description = "Caseworkers and team leads, before the referral is sent (409 afterwards). The consent "
                    + "dates follow the same rules as on drafting (400). If-Match with the referral's ETag is "
                    + "required: 428 without it, 412 when the referral changed since it was read.")
    ResponseEntity<Resource> recordBasis(@PathVariable UUID id, IfMatch ifMatch, @RequestBody BasisBody body) {
        referrals.recordBasis(id, body.consent() == null ? null : body.consent().givenOn(),
                body.consent() == null ? null : body.consent().validUntil(), body.legalBasis(), ifMatch.required());
        return tagged(shown(id, false));
    }

    @PostMapping("/referrals/{id}/sending")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    @Operation(summary = "Send a draft to the partner",
            description = "Caseworkers and team leads. Without valid consent on the day or another legal basis it "
                    + "is refused with 422, unless a team lead gives an overrideReason (a caseworker gets 403); the "
                    + "override is logged. Consent is checked on the server's today, whatever the date: a date "
                    + "before today is a backdated send and needs the override too (422 without a reason, 403 for "
                    + "a caseworker). A date in the future is a 400, an inactive provision a 409. If-Match is "
                    + "optional; a stale one answers 412.")
    ResponseEntity<Resource> send(@PathVariable UUID id, IfMatch ifMatch,
            @RequestBody(required = false) @Nullable SendingBody body) {
        referrals.send(id, body == null ? null : body.overrideReason(), body == null ? null : body.date(),
                ifMatch.optional());
        return tagged(shown(id, false));
    }

    @PostMapping("/referrals/{id}/transitions")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'PARTNER')")
    @Operation(summary = "Move a referral on",
            description = "A partner user records ACCEPTED or DECLINED, then STARTED, COMPLETED or DROPPED_OUT, for "
                    + "referrals to its own organisation (403 for WITHDRAWN, 404 for another organisation's); "
                    + "caseworkers and team leads also withdraw. Declining and dropping out need a reason (400); "
                    + "a move the lifecycle does not allow is a 409, an unknown status a 400. If-Match is "
                    + "optional; a stale one answers 412.")
    ResponseEntity<Object> transition(@PathVariable UUID id, IfMatch ifMatch, @Valid @RequestBody TransitionBody body) {
        referrals.transition(id, body.to(), body.reason(), body.date(), ifMatch.optional());
        return read(id);
    }

    @ShowsPersonData
    @GetMapping("/referrals")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'PARTNER')")
    @Operation(summary = "List referrals",
            description = "The municipality's staff: all referrals or one person's, newest first, optionally of "
                    + "one status; each person shown is logged as a read. A partner user: the referrals sent to "
                    + "its own organisation, with the person reduced to the shared fields; each person shown is "
                    + "logged as a partner read.")
    Map<String, List<?>> list(@RequestParam(required = false) @Nullable UUID personId,
            @RequestParam(required = false) @Nullable ReferralStatus status) {
        if (isPartner()) {
            List<PartnerView> shown = views.forMyOrganisation(status);
            audit.read(AuditAction.REFERRAL_PARTNER_READ, personsShown(shown));
            return Map.of("items", shown.stream().map(v -> PartnerResource.of(v, null)).toList());
        }
        List<View> shown = views.list(personId, status);
        if (personId != null) {
            audit.read(AuditAction.REFERRAL_READ, personId);
        }
        else {
            audit.read(AuditAction.REFERRAL_READ, shown.stream().map(v -> v.referral().personId()).toList());
        }
        return Map.of("items", shown.stream().map(v -> Resource.of(v, null)).toList());
    }

    @ShowsPersonData
    @GetMapping("/referrals/{id}")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'PARTNER')")
    @Operation(summary = "Read a referral with its history",
            description = "The municipality's staff, logged as a read; a partner user only a referral to its own "
                    + "organisation (404 otherwise), with the person reduced to the shared fields and logged as a "
                    + "partner read.")
    ResponseEntity<Object> read(@PathVariable UUID id) {
        if (isPartner()) {
            PartnerView view = views.findForMyOrganisation(id);
            audit.read(AuditAction.REFERRAL_PARTNER_READ, personsShown(List.of(view)));
            return ResponseEntity.ok()
                .eTag(IfMatch.etag(view.referral().version()))
                .body(PartnerResource.of(view, views.history(id).stream().map(Step::of).toList()));
        }
        Resource resource = shown(id, true);
        return ResponseEntity.ok().eTag(IfMatch.etag(resource.version())).body(resource);
    }

    @ShowsNoPersonData("the municipality's settings")
    @GetMapping("/referral-settings")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'ADMIN')")
    @Operation(summary = "The municipality's referral settings",
            description = "responseDays: after how many days without a partner response a sent referral is "
                    + "waiting too long (14 by default); partnerGraceDays: how many days after a referral ended "
                    + "the partner still sees the person's shared data (30 by default). The ETag is the version "
                    + "to send back in If-Match.")
    ResponseEntity<ReferralSettings.Rules> settings() {
        ReferralSettings.Rules rules = settings.current();
        return ResponseEntity.ok().eTag(IfMatch.etag(rules.version())).body(rules);
    }

    @PutMapping("/referral-settings")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'ADMIN')")
    @Operation(summary = "Change the municipality's referral settings",
            description = "Team leads and administrators. responseDays from 1 to 365, partnerGraceDays from 0 "
                    + "to 365 (400 otherwise); a rule left out keeps its value. If-Match with the settings' ETag "
                    + "is required once the municipality has saved them (428 without it, 412 when stale).")
    ResponseEntity<ReferralSettings.Rules> changeSettings(IfMatch ifMatch, @RequestBody SettingsBody body) {
        ReferralSettings.Rules rules = settings.change(body.responseDays(), body.partnerGraceDays(),
                ifMatch.requiredOnceCreated(settings.current().version()));
        return ResponseEntity.ok().eTag(IfMatch.etag(rules.version())).body(rules);
    }

    /**
     * A referral as its staff reader sees it; logged as a read of the person's referrals.
     */
    private Resource shown(UUID id, boolean withHistory) {
        View view = views.find(id);
        audit.read(AuditAction.REFERRAL_READ, view.referral().personId());
        return Resource.of(view, withHistory ? views.history(id).stream().map(Step::of).toList() : null);
    }

    private static ResponseEntity<Resource> tagged(Resource resource) {
        return ResponseEntity.ok().eTag(IfMatch.etag(resource.version())).body(resource);
    }

    private static boolean isPartner() {
        return CurrentUser.current().map(u -> u.hasRole(Role.PARTNER)).orElse(false);
    }

    private static List<UUID> personsShown(List<PartnerView> shown) {
        return shown.stream().filter(PartnerView::showsPerson).map(v -> v.referral().personId()).toList();
    }

    private static List<String> names(List<SharedField> fields) {
        return fields.stream().map(SharedField::name).toList();
    }

}
