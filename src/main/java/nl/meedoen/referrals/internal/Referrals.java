package nl.meedoen.referrals.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.UnprocessableException;
import nl.meedoen.provisions.Provisions;
import nl.meedoen.provisions.Provisions.Provision;
import nl.meedoen.referrals.ReferralAccepted;
import nl.meedoen.referrals.ReferralCompleted;
import nl.meedoen.referrals.ReferralDeclined;
import nl.meedoen.referrals.ReferralDroppedOut;
import nl.meedoen.referrals.ReferralSent;
import nl.meedoen.referrals.ReferralStarted;
import nl.meedoen.referrals.ReferralStatus;
import nl.meedoen.referrals.ReferralWithdrawn;
import nl.meedoen.referrals.SharedField;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Contact;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referrals of the current municipality. Caseworkers draft, send and withdraw them;
 * the partner organisation (or a caseworker on its behalf) records its response and the
 * outcome. A partner user reaches only the referrals sent to its own organisation, and of
 * the person only the fields the caseworker chose to share; every such read is logged.
 * Every change is logged and publishes its event, in the same transaction.
 */
@Service
public class Referrals {

    /** What a caseworker drafts. */
    public record Draft(UUID personId, UUID provisionId, String purpose, List<SharedField> sharedFields,
            @Nullable LocalDate consentGivenOn, @Nullable LocalDate consentValidUntil, @Nullable String legalBasis) {
    }

    /** A referral with the names a caseworker needs to read it. */
    public record View(Referral referral, String personName, String provisionName, String partnerName,
            boolean waitingTooLong) {
    }

    /** Of the person, only the fields the referral shares (the others are null). */
    public record SharedPerson(@Nullable String name, @Nullable LocalDate dateOfBirth, @Nullable String phone,
            @Nullable String email, @Nullable String address, @Nullable List<String> languages) {
    }

    /** A referral as its partner organisation sees it. */
    public record PartnerView(Referral referral, String provisionName, @Nullable SharedPerson person,
            boolean waitingTooLong) {
    }

    /** One step in a referral's history. */
    public record Transition(@Nullable ReferralStatus fromStatus, ReferralStatus toStatus, LocalDate onDate,
            OffsetDateTime at, String actorName, @Nullable String actorRole, @Nullable String reason) {
    }

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static final String SELECT = """
            select id, person_id, provision_id, partner_id, purpose, shared_fields, consent_given_on,
                   consent_valid_until, legal_basis, status, status_reason, status_on, sent_on, override_reason, version
            from referral where municipality_id = :m""";

    private final JdbcClient jdbc;

    private final Residents residents;

    private final Provisions provisions;

    private final ReferralSettings settings;

    private final ReferralLog referralLog;

    private final ApplicationEventPublisher events;

    Referrals(JdbcClient jdbc, Residents residents, Provisions provisions, ReferralSettings settings,
            ReferralLog referralLog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.provisions = provisions;
        this.settings = settings;
        this.referralLog = referralLog;
        this.events = events;
    }

    public static LocalDate today() {
        return LocalDate.now(AMSTERDAM);
    }

    @Transactional
    public Referral draft(Draft draft) {
        refuseForPartner();
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
        Referral.consentDatesAreConsistent(draft.consentGivenOn(), draft.consentValidUntil(), today());
        UUID id = UUID.randomUUID();
        LocalDate today = today();
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
        referralLog.log(AuditAction.REFERRAL_UPDATE, draft.personId());
        return load(id, false).orElseThrow();
    }

    /**
     * Records (or corrects) the consent or other legal basis of a draft, before it is
     * sent.
     */
    @Transactional
    public Referral recordBasis(UUID id, @Nullable LocalDate consentGivenOn, @Nullable LocalDate consentValidUntil,
            @Nullable String legalBasis) {
        refuseForPartner();
        Referral referral = load(id, true).orElseThrow(NotFoundException::new);
        if (referral.status() != ReferralStatus.DRAFT) {
            throw new ConflictException("referrals.basis.onlyDraft");
        }
        Referral.consentDatesAreConsistent(consentGivenOn, consentValidUntil, today());
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
        referralLog.log(AuditAction.REFERRAL_UPDATE, referral.personId());
        return load(id, false).orElseThrow();
    }

    /**
     * Sends a draft to the partner. Without valid consent or another legal basis it is
     * refused (422), unless a team lead gives the reason to send it anyway; that override
     * is logged.
     */
    @Transactional
    public Referral send(UUID id, @Nullable String overrideReason, @Nullable LocalDate on) {
        refuseForPartner();
        Referral referral = load(id, true).orElseThrow(NotFoundException::new);
        LocalDate today = today();
        LocalDate date = on == null ? today : on;
        referral.checkTransition(ReferralStatus.SENT, null, date, today);
        Provision provision = provisions.find(referral.provisionId()).orElseThrow(NotFoundException::new);
        if (!provision.active()) {
            throw new ConflictException("referrals.provision.inactive");
        }
        String override = null;
        if (!referral.maySendOn(date)) {
            if (overrideReason == null || overrideReason.isBlank()) {
                throw new UnprocessableException("referrals.send.noBasis");
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
                update referral set status = 'SENT', status_on = :on, sent_on = :on, status_reason = null,
                    override_reason = :override, overridden_by = :by, version = version + 1
                where id = :id and municipality_id = :m""")
            .param("on", date)
            .param("override", override)
            .param("by", override == null ? null : actorId())
            .param("id", id)
            .param("m", Tenancy.require())
            .update();
        recordTransition(id, referral.status(), ReferralStatus.SENT, date, override);
        if (override != null) {
            referralLog.log(AuditAction.REFERRAL_CONSENT_OVERRIDE, referral.personId());
        }
        referralLog.log(AuditAction.REFERRAL_UPDATE, referral.personId());
        events.publishEvent(new ReferralSent(Tenancy.require(), id, referral.personId(), referral.partnerId(),
                referral.provisionId(), date, override != null));
        return load(id, false).orElseThrow();
    }

    /**
     * Moves a referral on. A partner user records its response and the outcome of
     * referrals to its own organisation; withdrawing is for the caseworker. Sending goes
     * through {@link #send}.
     */
    @Transactional
    public Referral transition(UUID id, ReferralStatus to, @Nullable String reason, @Nullable LocalDate on) {
        if (to == ReferralStatus.SENT) {
            return send(id, null, on);
        }
        Optional<CurrentUser> user = CurrentUser.current();
        boolean partner = user.map(u -> u.hasRole(Role.PARTNER)).orElse(false);
        Referral referral = (partner ? loadForPartner(id, true) : load(id, true)).orElseThrow(NotFoundException::new);
        if (partner && !to.isPartnerResponse()) {
            throw new AccessDeniedException("a partner records responses and outcomes only");
        }
        LocalDate today = today();
        LocalDate date = on == null ? today : on;
        referral.checkTransition(to, reason, date, today);
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("reason", "field.tooLong");
        }
        jdbc.sql("""
                update referral set status = :to, status_on = :on, status_reason = :reason, version = version + 1
                where id = :id and municipality_id = :m""")
            .param("to", to.name())
            .param("on", date)
            .param("reason", note)
            .param("id", id)
            .param("m", Tenancy.require())
            .update();
        recordTransition(id, referral.status(), to, date, note);
        referralLog.log(AuditAction.REFERRAL_UPDATE, referral.personId());
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
        return load(id, false).orElseThrow();
    }

    /** One referral for the municipality's staff; the read is logged. */
    @Transactional
    public View find(UUID id) {
        refuseForPartner();
        Referral referral = load(id, false).orElseThrow(NotFoundException::new);
        referralLog.log(AuditAction.REFERRAL_READ, referral.personId());
        return views(List.of(referral)).get(0);
    }

    /**
     * The referrals of the municipality, or of one person, newest first; each person read
     * is logged.
     */
    @Transactional
    public List<View> list(@Nullable UUID personId, @Nullable ReferralStatus status) {
        refuseForPartner();
        if (personId != null) {
            residents.find(personId).orElseThrow(NotFoundException::new);
        }
        var statement = jdbc
            .sql(SELECT + (personId != null ? " and person_id = :p" : "") + (status != null ? " and status = :s" : "")
                    + " order by created_at desc, id")
            .param("m", Tenancy.require());
        if (personId != null) {
            statement = statement.param("p", personId);
        }
        if (status != null) {
            statement = statement.param("s", status.name());
        }
        List<Referral> referrals = statement.query(Referrals::referral).list();
        if (personId != null) {
            referralLog.log(AuditAction.REFERRAL_READ, personId);
        }
        else {
            referrals.stream()
                .map(Referral::personId)
                .distinct()
                .forEach(p -> referralLog.log(AuditAction.REFERRAL_READ, p));
        }
        return views(referrals);
    }

    /**
     * The referrals sent to the partner organisation of the logged-in partner user; each
     * person read is logged.
     */
    @Transactional
    public List<PartnerView> forMyOrganisation(@Nullable ReferralStatus status) {
        UUID partnerId = myPartner();
        var statement = jdbc
            .sql(SELECT + " and partner_id = :partner and status <> 'DRAFT'"
                    + (status != null ? " and status = :s" : "") + " order by sent_on desc nulls last, id")
            .param("m", Tenancy.require())
            .param("partner", partnerId);
        if (status != null) {
            statement = statement.param("s", status.name());
        }
        List<Referral> referrals = statement.query(Referrals::referral).list();
        return partnerViews(referrals);
    }

    /**
     * One referral of the partner user's own organisation (another organisation's answers
     * 404); logged.
     */
    @Transactional
    public PartnerView findForMyOrganisation(UUID id) {
        Referral referral = loadForPartner(id, false).orElseThrow(NotFoundException::new);
        return partnerViews(List.of(referral)).get(0);
    }

    /**
     * The history of a referral, oldest first (for a partner only of its own
     * organisation's referrals).
     */
    @Transactional(readOnly = true)
    public List<Transition> history(UUID id) {
        boolean partner = CurrentUser.current().map(u -> u.hasRole(Role.PARTNER)).orElse(false);
        (partner ? loadForPartner(id, false) : load(id, false)).orElseThrow(NotFoundException::new);
        return jdbc.sql("""
                select from_status, to_status, on_date, at, actor_name, actor_role, reason from referral_transition
                where municipality_id = :m and referral_id = :r order by at, id""")
            .param("m", Tenancy.require())
            .param("r", id)
            .query((rs, i) -> new Transition(
                    rs.getString("from_status") == null ? null : ReferralStatus.valueOf(rs.getString("from_status")),
                    ReferralStatus.valueOf(rs.getString("to_status")), rs.getObject("on_date", LocalDate.class),
                    rs.getObject("at", OffsetDateTime.class), rs.getString("actor_name"), rs.getString("actor_role"),
                    rs.getString("reason")))
            .list();
    }

    public int responseDays() {
        return settings.current().responseDays();
    }

    private List<View> views(List<Referral> referrals) {
        Map<UUID, Resident> persons = residents.findAll(referrals.stream().map(Referral::personId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Resident::id, Function.identity()));
        Map<UUID, Provision> offered = provisionsOf(referrals);
        int days = settings.current().responseDays();
        LocalDate today = today();
        return referrals.stream().map(r -> {
            Resident person = persons.get(r.personId());
            Provision provision = offered.get(r.provisionId());
            return new View(r, person == null ? "—" : person.name(), provision == null ? "—" : provision.name(),
                    provision == null ? "—" : provision.partnerName(), r.waitingTooLong(today, days));
        }).toList();
    }

    private List<PartnerView> partnerViews(List<Referral> referrals) {
        Map<UUID, Provision> offered = provisionsOf(referrals);
        int days = settings.current().responseDays();
        LocalDate today = today();
        List<PartnerView> views = new ArrayList<>();
        for (Referral r : referrals) {
            SharedPerson person = null;
            if (r.status() != ReferralStatus.WITHDRAWN) {
                person = shared(r);
                referralLog.log(AuditAction.REFERRAL_PARTNER_READ, r.personId());
            }
            Provision provision = offered.get(r.provisionId());
            views.add(new PartnerView(r, provision == null ? "—" : provision.name(), person,
                    r.waitingTooLong(today, days)));
        }
        return views;
    }

    private @Nullable SharedPerson shared(Referral referral) {
        Resident resident = residents.find(referral.personId()).orElse(null);
        if (resident == null) {
            return null;
        }
        Collection<SharedField> fields = referral.sharedFields();
        boolean contactNeeded = fields.contains(SharedField.PHONE) || fields.contains(SharedField.EMAIL)
                || fields.contains(SharedField.ADDRESS) || fields.contains(SharedField.LANGUAGES);
        Contact contact = contactNeeded ? residents.contact(referral.personId()).orElse(null) : null;
        return new SharedPerson(fields.contains(SharedField.NAME) ? resident.name() : null,
                fields.contains(SharedField.DATE_OF_BIRTH) ? resident.dateOfBirth() : null,
                contact != null && fields.contains(SharedField.PHONE) ? contact.phone() : null,
                contact != null && fields.contains(SharedField.EMAIL) ? contact.email() : null,
                contact != null && fields.contains(SharedField.ADDRESS) ? contact.address() : null,
                contact != null && fields.contains(SharedField.LANGUAGES) ? contact.languages() : null);
    }

    private Map<UUID, Provision> provisionsOf(List<Referral> referrals) {
        return provisions.findAll(referrals.stream().map(Referral::provisionId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Provision::id, Function.identity()));
    }

    private Optional<Referral> load(UUID id, boolean forUpdate) {
        return jdbc.sql(SELECT + " and id = :id" + (forUpdate ? " for update" : ""))
            .param("m", Tenancy.require())
            .param("id", id)
            .query(Referrals::referral)
            .optional();
    }

    private Optional<Referral> loadForPartner(UUID id, boolean forUpdate) {
        return jdbc
            .sql(SELECT + " and id = :id and partner_id = :partner and status <> 'DRAFT'"
                    + (forUpdate ? " for update" : ""))
            .param("m", Tenancy.require())
            .param("id", id)
            .param("partner", myPartner())
            .query(Referrals::referral)
            .optional();
    }

    private static UUID myPartner() {
        CurrentUser user = CurrentUser.current().orElseThrow(() -> new AccessDeniedException("not logged in"));
        if (!user.hasRole(Role.PARTNER) || user.partnerId() == null) {
            throw new AccessDeniedException("not a partner user");
        }
        return user.partnerId();
    }

    private static void refuseForPartner() {
        if (CurrentUser.current().map(u -> u.hasRole(Role.PARTNER)).orElse(false)) {
            throw new AccessDeniedException("partner users see their own organisation's referrals only");
        }
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

    private static UUID actorId() {
        return CurrentUser.current().map(CurrentUser::id).orElse(new UUID(0, 0));
    }

    static Referral referral(ResultSet rs, int row) throws SQLException {
        Array fields = rs.getArray("shared_fields");
        List<SharedField> shared = fields == null ? List.of()
                : Arrays.stream((String[]) fields.getArray()).map(SharedField::valueOf).toList();
        return new Referral(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getObject("provision_id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getString("purpose"), shared, rs.getObject("consent_given_on", LocalDate.class),
                rs.getObject("consent_valid_until", LocalDate.class), rs.getString("legal_basis"),
                ReferralStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getObject("status_on", LocalDate.class), rs.getObject("sent_on", LocalDate.class),
                rs.getString("override_reason"), rs.getInt("version"));
    }

}
