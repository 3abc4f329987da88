package nl.meedoen.referrals.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.referrals.ReferralStatus;
import nl.meedoen.referrals.SharedField;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The referral table of the current municipality, and who may reach which row: the
 * municipality's staff every referral, a partner user only those sent to its own
 * organisation.
 */
@Component
class ReferralRows {

    private static final String SELECT = """
            select id, person_id, provision_id, partner_id, purpose, shared_fields, consent_given_on,
                   consent_valid_until, legal_basis, status, status_reason, status_on, sent_on, override_reason,
                   consent_withdrawn_on, version
            from referral where municipality_id = :m""";

    private final JdbcClient jdbc;

    ReferralRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The referrals matching {@code condition} (SQL after {@code and}), to bind further.
     */
    StatementSpec where(String condition) {
        return jdbc.sql(SELECT + " and " + condition).param("m", Tenancy.require());
    }

    List<Referral> list(StatementSpec statement) {
        return statement.query(ReferralRows::referral).list();
    }

    Optional<Referral> load(UUID id, boolean forUpdate) {
        return where("id = :id" + (forUpdate ? " for update" : "")).param("id", id)
            .query(ReferralRows::referral)
            .optional();
    }

    /** A referral sent to the logged-in partner user's own organisation. */
    Optional<Referral> loadForPartner(UUID id, boolean forUpdate) {
        return where("id = :id and partner_id = :partner and status <> 'DRAFT'" + (forUpdate ? " for update" : ""))
            .param("id", id)
            .param("partner", myPartner())
            .query(ReferralRows::referral)
            .optional();
    }

    /** As {@link #load}, or for a partner user as {@link #loadForPartner}. */
    Optional<Referral> loadForCurrentUser(UUID id, boolean forUpdate) {
        return isPartner() ? loadForPartner(id, forUpdate) : load(id, forUpdate);
    }

    static boolean isPartner() {
        return CurrentUser.current().map(u -> u.hasRole(Role.PARTNER)).orElse(false);
    }

    static UUID myPartner() {
        CurrentUser user = CurrentUser.current().orElseThrow(() -> new AccessDeniedException("not logged in"));
        if (!user.hasRole(Role.PARTNER) || user.partnerId() == null) {
            throw new AccessDeniedException("not a partner user");
        }
        return user.partnerId();
    }

    static void refuseForPartner() {
        if (isPartner()) {
            throw new AccessDeniedException("partner users see their own organisation's referrals only");
        }
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
                rs.getString("override_reason"), rs.getObject("consent_withdrawn_on", LocalDate.class),
                rs.getInt("version"));
    }

}
