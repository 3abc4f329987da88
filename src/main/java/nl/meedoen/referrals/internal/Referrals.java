package nl.meedoen.referrals.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.UnprocessableException;
import nl.meedoen.provisions.Provisions;
import nl.meedoen.provisions.Provisions.Provision;
import nl.meedoen.referrals.ReferralAccepted;
import nl.meedoen.referrals.ReferralCompleted;
import nl.meedoen.referrals.ReferralDeclined;
import nl.meedoen.referrals.ReferralDroppedOut;
import nl.meedoen.referrals.ReferralResponded;
import nl.meedoen.referrals.ReferralSent;
import nl.meedoen.referrals.ReferralStarted;
import nl.meedoen.referrals.ReferralStatus;
import nl.meedoen.referrals.ReferralWithdrawn;
import nl.meedoen.referrals.SharedField;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes of the referrals of the current municipality. Caseworkers draft, send and
 * withdraw them; the partner organisation (or a caseworker on its behalf) records its
 * response and the outcome, and reaches only the referrals sent to its own organisation.
 * Every change is logged and publishes its event, in the same transaction. Reading them
 * is {@link ReferralViews}.
 */
@Service
public class Referrals {

    /** What a caseworker drafts. */
    public record Draft(UUID personId, UUID provisionId, String purpose, List<SharedField> sharedFields,
            @Nullable LocalDate consentGivenOn, @Nullable LocalDate consentValidUntil, @Nullable String legalBasis) {
    }

    private final JdbcClient jdbc;

    private final Residents residents;

    private final Provisions provisions;

    private final ReferralRows rows;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final SharedCaptures captures;

    private final Clock clock;

    Referrals(JdbcClient jdbc, Residents residents, Provisions provisions, ReferralRows rows, AuditLog audit,
            ApplicationEventPublisher events, SharedCaptures captures, Clock clock) {
        this.jdbc = jdbc;
        this.captures = captures;
        this.residents = residents;
        this.provisions = provisions;
        this.rows = rows;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Referral draft(Draft draft) {
        ReferralRows.refuseForPartner();
        residents.find(draft.personId()).orElseThrow(NotFoundException::new);
        Provision provision = provisions.find(draft.provisionId()).orElseThrow(NotFoundException::new);
        if (!provision.active()) {
            throw new ConflictException("referrals.provision.inactive");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (draft.purpose() == null || draft.purpose().isBlank()) {
            errors.add(new InvalidInputException.FieldError("purpose", "referrals.purpose.required"));
        }
        else if (draft.purpose().strip().length() > 1000) {
            errors.add(new InvalidInputException.FieldError("purpose", "field.tooLong"));
        }
        if (draft.sharedFields() == null || draft.sharedFields().isEmpty()) {
            errors.add(new InvalidInputException.FieldError("sharedFields", "referrals.sharedFields.required"));
        }
        if (draft.legalBasis() != null && draft.legalBasis().strip().length() > 500) {
            errors.add(new InvalidInputException.FieldError("legalBasis", "field.tooLong"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate today = LocalDate.now(clock);
        Referral.consentDatesAreConsistent(draft.consentGivenOn(), draft.consentValidUntil(), today);
        UUID id = UUID.randomUUID();
        List<String> fields = new ArrayList<>(new LinkedHashSet<>(draft.sharedFields())).stream()
            .map(SharedField::name)
            .toList();
        jdbc.sql("""
                insert into referral (id, municipality_id, person_id, provision_id, partner_id, purpose, shared_fields,
                    consent_given_on, consent_valid_until, legal_basis, status, status_on, created_by)
                values (:id, :m, :person, :provision, :partner, :purpose, string_to_array(:fields, ','), :given,
                    :until, :basis, 'DRAFT', :on, :by)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("person", draft.personId())
            .param("provision", provision.id())
            .param("partner", provision.partnerId())
            .param("purpose", draft.purpose().strip())
            .param("fields", String.join(",", fields))
            .param("given", draft.consentGivenOn())
            .param("until", draft.consentValidUntil())
            .param("basis",
                    draft.legalBasis() == null || draft.legalBasis().isBlank() ? null : draft.legalBasis().strip())
            .param("on", today)
            .param("by", actorId())
            .update();
        recordTransition(id, null, ReferralStatus.DRAFT, today, null);
        audit.record(AuditAction.REFERRAL_UPDATE, draft.personId());
        return rows.load(id, false).orElseThrow();
    }

    /**
     * Records (or corrects) the consent or other legal basis of a draft, before it is
     * sent.
     */
    @Transactional
    public Referral recordBasis(UUID id, @Nullable LocalDate consentGivenOn, @Nullable LocalDate consentValidUntil,
            @Nullable String legalBasis, int version) {
        ReferralRows.refuseForPartner();
        Referral referral = rows.load(id, true).orElseThrow(NotFoundException::new);
        checkVersion(referral, version);
        if (referral.status() != ReferralStatus.DRAFT) {
            throw new ConflictException("referrals.basis.onlyDraft");
        }
        Referral.consentDatesAreConsistent(consentGivenOn, consentValidUntil, LocalDate.now(clock));
        if (legalBasis != null && legalBasis.strip().length() > 500) {
            throw new InvalidInputException("legalBasis", "field.tooLong");
        }
        jdbc.sql("""
                update referral set consent_given_on = :given, consent_valid_until = :until, legal_basis = :basis,
                    version = version + 1
                where id = :id and municipality_id = :m""")
            .param("given", consentGivenOn)
            .param("until", consentValidUntil)
            .param("basis", legalBasis == null || legalBasis.isBlank() ? null : legalBasis.strip())
            .param("id", id)
            .param("m", Tenancy.require())
            .update();
        audit.record(AuditAction.REFERRAL_UPDATE, referral.personId());
        return rows.load(id, false).orElseThrow();
    }

    /**
     * Sends a draft to the partner. Consent is checked on the day it is really sent (the
     * server's today), whatever date the caller gives. Without valid consent or another
     * legal basis it is refused (422), and a send dated before today is refused too,
     * unless a team lead gives the reason to send it anyway; that override is logged. The
     * shared fields are captured from the file now: that is what the partner reads.
     * {@code version}, when given, must be the referral's current one.
     */
    @Transactional
    public Referral send(UUID id, @Nullable String overrideReason, @Nullable LocalDate on, @Nullable Integer version) {
        ReferralRows.refuseForPartner();
        Referral referral = rows.load(id, true).orElseThrow(NotFoundException::new);
        if (version != null) {
            checkVersion(referral, version);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date = on == null ? today : on;
        referral.checkTransition(ReferralStatus.SENT, null, date, today);
        Provision provision = provisions.find(referral.provisionId()).orElseThrow(NotFoundException::new);
        if (!provision.active()) {
            throw new ConflictException("referrals.provision.inactive");
        }
        boolean backdated = date.isBefore(today);
        String override = null;
        if (backdated || !referral.maySendOn(today)) {
            if (overrideReason == null || overrideReason.isBlank()) {
                throw new UnprocessableException(backdated ? "referrals.send.backdated" : "referrals.send.noBasis");
            }
            if (!CurrentUser.current().map(u -> u.hasRole(Role.TEAM_LEAD)).orElse(false)) {
                throw new AccessDeniedException("only a team lead overrides the consent check");
            }
            if (overrideReason.strip().length() > 1000) {
                throw new InvalidInputException("overrideReason", "field.tooLong");
            }
            override = overrideReason.strip();
        }
        jdbc.sql("""
                update referral set status = 'SENT', status_on = :on, status_at = now(), sent_on = :on,
                    status_reason = null, override_reason = :override, overridden_by = :by, version = version + 1
                where id = :id and municipality_id = :m""")
            .param("on", date)
            .param("override", override)
            .param("by", override == null ? null : actorId())
            .param("id", id)
            .param("m", Tenancy.require())
            .update();
        recordTransition(id, referral.status(), ReferralStatus.SENT, date, override);
        captures.capture(referral, OffsetDateTime.now(clock));
        if (override != null) {
            audit.record(AuditAction.REFERRAL_CONSENT_OVERRIDE, referral.personId());
        }
        audit.record(AuditAction.REFERRAL_UPDATE, referral.personId());
        events.publishEvent(new ReferralSent(Tenancy.require(), id, referral.personId(), referral.partnerId(),
                referral.provisionId(), date, override != null));
        return rows.load(id, false).orElseThrow();
    }

    /**
     * Moves a referral on. A partner user records its response and the outcome of
     * referrals to its own organisation; a team lead may record them on the partner's
     * behalf with a reason (how the partner let it know), kept with the transition;
     * withdrawing is for the caseworker. Sending goes through {@link #send}.
     */
    @Transactional
    public Referral transition(UUID id, ReferralStatus to, @Nullable String reason, @Nullable LocalDate on,
            @Nullable Integer version) {
        if (to == ReferralStatus.SENT) {
            return send(id, null, on, version);
        }
        Referral referral = rows.loadForCurrentUser(id, true).orElseThrow(NotFoundException::new);
        if (version != null) {
            checkVersion(referral, version);
        }
        if (ReferralRows.isPartner() && !to.isPartnerResponse()) {
            throw new AccessDeniedException("a partner records responses and outcomes only");
        }
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        Optional<CurrentUser> user = CurrentUser.current();
        if (to.isPartnerResponse() && !ReferralRows.isPartner() && user.isPresent()) {
            // The partner answers; a team lead may record an answer the partner gave
            // otherwise
            // (by phone), saying so. The caseworker withdraws or sends again.
            if (!user.get().hasRole(Role.TEAM_LEAD)) {
                throw new AccessDeniedException("the partner records its answer; the caseworker withdraws");
            }
            if (note == null) {
                throw new InvalidInputException("reason", "referrals.onBehalf.reasonRequired");
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date = on == null ? today : on;
        referral.checkTransition(to, reason, date, today);
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("reason", "field.tooLong");
        }
        jdbc.sql("""
                update referral set status = :to, status_on = :on, status_at = now(), status_reason = :reason,
                    version = version + 1
                where id = :id and municipality_id = :m""")
            .param("to", to.name())
            .param("on", date)
            .param("reason", note)
            .param("id", id)
            .param("m", Tenancy.require())
            .update();
        recordTransition(id, referral.status(), to, date, note);
        audit.record(AuditAction.REFERRAL_UPDATE, referral.personId());
        UUID m = Tenancy.require();
        UUID person = referral.personId();
        UUID org = referral.partnerId();
        UUID provision = referral.provisionId();
        events.publishEvent(switch (to) {
            case ACCEPTED -> new ReferralAccepted(m, id, person, org, provision, date);
            case DECLINED -> new ReferralDeclined(m, id, person, org, provision, date, note);
            case STARTED -> new ReferralStarted(m, id, person, org, provision, date);
            case COMPLETED -> new ReferralCompleted(m, id, person, org, provision, date);
            case DROPPED_OUT -> new ReferralDroppedOut(m, id, person, org, provision, date, note);
            case WITHDRAWN -> new ReferralWithdrawn(m, id, person, org, provision, date, note);
            case DRAFT, SENT -> throw new IllegalStateException("not a transition: " + to);
        });
        if (to.isPartnerResponse()) {
            UUID caseworker = jdbc.sql("select created_by from referral where id = :id and municipality_id = :m")
                .param("id", id)
                .param("m", m)
                .query(UUID.class)
                .single();
            events.publishEvent(new ReferralResponded(m, id, caseworker, to, date));
        }
        return rows.load(id, false).orElseThrow();
    }

    private void recordTransition(UUID referralId, @Nullable ReferralStatus from, ReferralStatus to, LocalDate on,
            @Nullable String reason) {
        Optional<CurrentUser> user = CurrentUser.current();
        jdbc.sql("""
                insert into referral_transition (id, municipality_id, referral_id, from_status, to_status, on_date,
                    actor_id, actor_name, actor_role, reason)
                values (:id, :m, :r, :from, :to, :on, :actor, :name, :role, :reason)""")
            .param("id", UUID.randomUUID())
            .param("m", Tenancy.require())
            .param("r", referralId)
            .param("from", from == null ? null : from.name())
            .param("to", to.name())
            .param("on", on)
            .param("actor", user.map(CurrentUser::id).orElse(null))
            .param("name", user.map(CurrentUser::displayName).orElse("systeem"))
            .param("role", user.map(u -> u.role().name()).orElse(null))
            .param("reason", reason)
            .update();
    }

    /** A change of the version the caller read, 412 otherwise. */
    private static void checkVersion(Referral referral, int version) {
        if (referral.version() != version) {
            throw new StaleVersionException();
        }
    }

    private static UUID actorId() {
        return CurrentUser.current().map(CurrentUser::id).orElse(new UUID(0, 0));
    }

}
