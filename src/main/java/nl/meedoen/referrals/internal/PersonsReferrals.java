package nl.meedoen.referrals.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.provisions.Provisions;
import nl.meedoen.provisions.Provisions.PartnerContact;
import nl.meedoen.provisions.Provisions.Provision;
import nl.meedoen.referrals.ConsentWithdrawn;
import nl.meedoen.referrals.OwnReferrals;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's own view of their referrals and the withdrawal of a consent, on the
 * referrals' own rules: a withdrawn consent no longer counts as a basis for sharing
 * ({@link Referral#hasConsentOn}, {@link Referral#partnerSeesPersonOn}).
 */
@Component
class PersonsReferrals implements OwnReferrals {

    private final ReferralRows rows;

    private final JdbcClient jdbc;

    private final Provisions provisions;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    PersonsReferrals(ReferralRows rows, JdbcClient jdbc, Provisions provisions, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.provisions = provisions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OwnReferral> of(UUID personId) {
        ReferralRows.refuseForPartner();
        List<Referral> referrals = rows
            .list(rows.where("person_id = :p and status <> 'DRAFT' order by created_at desc, id").param("p", personId));
        Map<UUID, Provision> offered = provisions
            .findAll(referrals.stream().map(Referral::provisionId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Provision::id, Function.identity()));
        Map<UUID, PartnerContact> contacts = provisions
            .contacts(referrals.stream().map(Referral::partnerId).distinct().toList());
        return referrals.stream().map(r -> {
            Provision provision = offered.get(r.provisionId());
            PartnerContact contact = contacts.get(r.partnerId());
            Consent consent = r.consentGivenOn() == null ? null
                    : new Consent(r.consentGivenOn(), r.consentValidUntil(), r.consentWithdrawnOn());
            return new OwnReferral(r.id(), provision == null ? "—" : provision.name(),
                    provision == null ? "—" : provision.partnerName(), contact == null ? null : contact.phone(),
                    contact == null ? null : contact.email(), contact == null ? null : contact.address(), r.status(),
                    r.statusOn(), r.purpose(), r.sharedFields(), consent);
        }).toList();
    }

    @Override
    @Transactional
    public LocalDate withdrawConsent(UUID personId, UUID referralId) {
        ReferralRows.refuseForPartner();
        Referral referral = rows
            .where("id = :id and person_id = :p and status <> 'DRAFT' and consent_given_on is not null for update")
            .param("id", referralId)
            .param("p", personId)
            .query(ReferralRows::referral)
            .optional()
            .orElseThrow(NotFoundException::new);
        if (referral.consentWithdrawnOn() != null) {
            return referral.consentWithdrawnOn();
        }
        LocalDate today = LocalDate.now(clock);
        UUID m = Tenancy.require();
        jdbc.sql("""
                update referral set consent_withdrawn_on = :on, version = version + 1
                where id = :id and municipality_id = :m""")
            .param("on", today)
            .param("id", referralId)
            .param("m", m)
            .update();
        audit.record(AuditAction.PORTAL_UPDATE, personId);
        UUID caseworker = jdbc.sql("select created_by from referral where id = :id and municipality_id = :m")
            .param("id", referralId)
            .param("m", m)
            .query(UUID.class)
            .single();
        events.publishEvent(new ConsentWithdrawn(m, referralId, personId, referral.partnerId(), caseworker, today,
                referral.hasLegalBasis()));
        return today;
    }

}
