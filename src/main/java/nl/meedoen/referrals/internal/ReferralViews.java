package nl.meedoen.referrals.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.provisions.Provisions;
import nl.meedoen.provisions.Provisions.Provision;
import nl.meedoen.referrals.ReferralStatus;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referrals as their readers see them: the municipality's staff with the names of
 * person, provision and partner; a partner user only the referrals sent to its own
 * organisation, and of the person only the fields the caseworker chose to share. Nothing
 * here logs: the page or API handler that shows a referral logs the read.
 */
@Service
public class ReferralViews {

    /** A referral with the names a caseworker needs to read it. */
    public record View(Referral referral, String personName, String provisionName, String partnerName,
            boolean waitingTooLong) {
    }

    /** Of the person, only the fields the referral shares (the others are null). */
    public record SharedPerson(@Nullable String name, @Nullable LocalDate dateOfBirth, @Nullable String phone,
            @Nullable String email, @Nullable String address, @Nullable List<String> languages) {
    }

    /**
     * A referral as its partner organisation sees it: of the person only the fields
     * captured when it was sent, and nothing at all once it was withdrawn, once its
     * consent expired, or once it ended (declined, completed, dropped out) longer ago
     * than the municipality's grace period: then only the outcome.
     */
    public record PartnerView(Referral referral, String provisionName, @Nullable SharedPerson person,
            boolean waitingTooLong) {

        /** Whether the partner is shown the person's shared data: a read of it. */
        public boolean showsPerson() {
            return person != null;
        }
    }

    /** One step in a referral's history. */
    public record Transition(@Nullable ReferralStatus fromStatus, ReferralStatus toStatus, LocalDate onDate,
            OffsetDateTime at, String actorName, @Nullable String actorRole, @Nullable String reason) {

        /**
         * The step as the partner sees it: its status and date, with a reason only where
         * the step is the partner's own response or outcome; reasons the municipality
         * wrote for itself (a consent override, a withdrawal) stay with the municipality.
         */
        Transition forPartner() {
            return new Transition(fromStatus, toStatus, onDate, at, actorName, actorRole,
                    toStatus.isPartnerResponse() ? reason : null);
        }
    }

    private final ReferralRows rows;

    private final JdbcClient jdbc;

    private final Residents residents;

    private final Provisions provisions;

    private final ReferralSettings settings;

    private final SharedCaptures captures;

    private final Clock clock;

    ReferralViews(ReferralRows rows, JdbcClient jdbc, Residents residents, Provisions provisions,
            ReferralSettings settings, SharedCaptures captures, Clock clock) {
        this.rows = rows;
        this.captures = captures;
        this.jdbc = jdbc;
        this.residents = residents;
        this.provisions = provisions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One referral, for the municipality's staff. */
    @Transactional(readOnly = true)
    public View find(UUID id) {
        ReferralRows.refuseForPartner();
        return views(List.of(rows.load(id, false).orElseThrow(NotFoundException::new))).get(0);
    }

    /** The referrals of the municipality, or of one person, newest first. */
    @Transactional(readOnly = true)
    public List<View> list(@Nullable UUID personId, @Nullable ReferralStatus status) {
        ReferralRows.refuseForPartner();
        if (personId != null) {
            residents.find(personId).orElseThrow(NotFoundException::new);
        }
        var statement = rows.where((personId != null ? "person_id = :p" : "true")
                + (status != null ? " and status = :s" : "") + " order by created_at desc, id");
        if (personId != null) {
            statement = statement.param("p", personId);
        }
        if (status != null) {
            statement = statement.param("s", status.name());
        }
        return views(rows.list(statement));
    }

    /** The referrals sent to the partner organisation of the logged-in partner user. */
    @Transactional(readOnly = true)
    public List<PartnerView> forMyOrganisation(@Nullable ReferralStatus status) {
        var statement = rows
            .where("partner_id = :partner and status <> 'DRAFT'" + (status != null ? " and status = :s" : "")
                    + " order by sent_on desc nulls last, id")
            .param("partner", ReferralRows.myPartner());
        if (status != null) {
            statement = statement.param("s", status.name());
        }
        return partnerViews(rows.list(statement));
    }

    /**
     * One referral of the partner user's own organisation (another organisation's answers
     * 404).
     */
    @Transactional(readOnly = true)
    public PartnerView findForMyOrganisation(UUID id) {
        return partnerViews(List.of(rows.loadForPartner(id, false).orElseThrow(NotFoundException::new))).get(0);
    }

    /**
     * The history of a referral, oldest first (for a partner only of its own
     * organisation's referrals).
     */
    @Transactional(readOnly = true)
    public List<Transition> history(UUID id) {
        rows.loadForCurrentUser(id, false).orElseThrow(NotFoundException::new);
        List<Transition> history = histories(List.of(id)).getOrDefault(id, List.of());
        if (!ReferralRows.isPartner()) {
            return history;
        }
        return history.stream().map(Transition::forPartner).toList();
    }

    /**
     * The histories of referrals the municipality's staff has read, by referral, in one
     * query.
     */
    @Transactional(readOnly = true)
    public Map<UUID, List<Transition>> historiesOf(List<View> shown) {
        ReferralRows.refuseForPartner();
        return histories(shown.stream().map(v -> v.referral().id()).toList());
    }

    private Map<UUID, List<Transition>> histories(List<UUID> referralIds) {
        Map<UUID, List<Transition>> histories = new LinkedHashMap<>();
        if (referralIds.isEmpty()) {
            return histories;
        }
        jdbc.sql("""
                select referral_id, from_status, to_status, on_date, at, actor_name, actor_role, reason
                from referral_transition where municipality_id = :m and referral_id in (:r) order by at, id""")
            .param("m", Tenancy.require())
            .param("r", referralIds)
            .query((rs, i) -> histories.computeIfAbsent(rs.getObject("referral_id", UUID.class), r -> new ArrayList<>())
                .add(new Transition(
                        rs.getString("from_status") == null ? null
                                : ReferralStatus.valueOf(rs.getString("from_status")),
                        ReferralStatus.valueOf(rs.getString("to_status")), rs.getObject("on_date", LocalDate.class),
                        rs.getObject("at", OffsetDateTime.class), rs.getString("actor_name"),
                        rs.getString("actor_role"), rs.getString("reason"))))
            .list();
        return histories;
    }

    private List<View> views(List<Referral> referrals) {
        Map<UUID, Resident> persons = personsOf(referrals);
        Map<UUID, Provision> offered = provisionsOf(referrals);
        int days = settings.current().responseDays();
        LocalDate today = LocalDate.now(clock);
        return referrals.stream().map(r -> {
            Resident person = persons.get(r.personId());
            Provision provision = offered.get(r.provisionId());
            return new View(r, person == null ? "—" : person.name(), provision == null ? "—" : provision.name(),
                    provision == null ? "—" : provision.partnerName(), r.waitingTooLong(today, days));
        }).toList();
    }

    private List<PartnerView> partnerViews(List<Referral> referrals) {
        Map<UUID, Provision> offered = provisionsOf(referrals);
        Map<UUID, SharedPerson> shared = captures.of(referrals.stream().map(Referral::id).toList());
        ReferralSettings.Rules rules = settings.current();
        LocalDate today = LocalDate.now(clock);
        List<PartnerView> views = new ArrayList<>();
        for (Referral r : referrals) {
            Provision provision = offered.get(r.provisionId());
            SharedPerson person = r.partnerSeesPersonOn(today, rules.partnerGraceDays()) ? shared.get(r.id()) : null;
            views.add(new PartnerView(r, provision == null ? "—" : provision.name(), person,
                    r.waitingTooLong(today, rules.responseDays())));
        }
        return views;
    }

    private Map<UUID, Resident> personsOf(List<Referral> referrals) {
        return residents.findAll(referrals.stream().map(Referral::personId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Resident::id, Function.identity()));
    }

    private Map<UUID, Provision> provisionsOf(List<Referral> referrals) {
        return provisions.findAll(referrals.stream().map(Referral::provisionId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Provision::id, Function.identity()));
    }

}
