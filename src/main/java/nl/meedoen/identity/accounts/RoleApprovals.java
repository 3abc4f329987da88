package nl.meedoen.identity.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.identity.AccountEvent;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.identity.RoleApprovalDecided;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four eyes on access to files: an administrator who gives an account a role that reads
 * files ({@link #READS_FILES}) only requests it; a second administrator or team lead of
 * the municipality, neither the requester nor the account itself, approves or declines. A
 * new account waits disabled, a role change keeps the old role, until approved. On by
 * default outside the demo ({@code meedoen.security.four-eyes}). Accounts provisioned by
 * the municipality's identity provider take their role from it: the provider's own
 * process is the second pair of eyes there.
 */
@Service
class RoleApprovals {

    /** The roles that open persons' files or the processing log about them. */
    static final Set<Role> READS_FILES = EnumSet.of(Role.CASEWORKER, Role.TEAM_LEAD, Role.PRIVACY_OFFICER);

    enum Kind {

        NEW_ACCOUNT, ROLE_CHANGE

    }

    record Waiting(UUID id, UUID accountId, String username, String displayName, Kind kind, @Nullable Role previousRole,
            Role requestedRole, String requestedBy, Instant requestedAt, int version) {
    }

    private final JdbcClient jdbc;

    private final AccountSessions sessions;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final boolean enabled;

    RoleApprovals(JdbcClient jdbc, AccountSessions sessions, ApplicationEventPublisher events, Clock clock,
            @Value("${meedoen.security.four-eyes:#{!${meedoen.demo:false}}}") boolean enabled) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Whether giving {@code to} to an account that had {@code from} needs approval. */
    boolean needed(@Nullable Role from, Role to) {
        return enabled && from != to && READS_FILES.contains(to);
    }

    boolean enabled() {
        return enabled;
    }

    /** Records the request, in the caller's transaction (the account change itself). */
    @Transactional(propagation = Propagation.MANDATORY)
    void request(CurrentUser admin, UUID accountId, String username, Kind kind, @Nullable Role previous,
            Role requested) {
        boolean waiting = jdbc
            .sql("select exists (select 1 from account_approval where account_id = :a and outcome is null)")
            .param("a", accountId)
            .query(Boolean.class)
            .single();
        if (waiting) {
            throw new ConflictException("account.approval.alreadyWaiting");
        }
        jdbc.sql("""
                insert into account_approval (id, municipality_id, account_id, kind, previous_role, requested_role,
                    requested_by, requested_at)
                values (:id, :m, :a, :kind, :previous, :requested, :by, :at)""")
            .param("id", UUID.randomUUID())
            .param("m", admin.municipalityId())
            .param("a", accountId)
            .param("kind", kind.name())
            .param("previous", previous == null ? null : previous.name())
            .param("requested", requested.name())
            .param("by", admin.username())
            .param("at", Instant.now(clock).atOffset(ZoneOffset.UTC))
            .update();
        publish(admin, AccountEvent.Kind.APPROVAL_REQUESTED, username,
                (previous == null ? "new account" : previous.name()) + " -> " + requested + ", waits for approval");
    }

    /**
     * Whether a new account still waits for its first approval (it may not be enabled).
     */
    boolean newAccountWaiting(UUID accountId) {
        return jdbc.sql("""
                select exists (select 1 from account_approval
                               where account_id = :a and kind = 'NEW_ACCOUNT' and outcome is null)""")
            .param("a", accountId)
            .query(Boolean.class)
            .single();
    }

    /** The role that waits for approval for this account, if any. */
    @Nullable Role waitingRole(UUID accountId) {
        return jdbc.sql("select requested_role from account_approval where account_id = :a and outcome is null")
            .param("a", accountId)
            .query(String.class)
            .optional()
            .map(Role::valueOf)
            .orElse(null);
    }

    @Transactional(readOnly = true)
    List<Waiting> waiting() {
        return jdbc.sql(SELECT + " where a.municipality_id = :m and a.outcome is null order by a.requested_at")
            .param("m", approver().municipalityId())
            .query(RoleApprovals::row)
            .list();
    }

    @Transactional(readOnly = true)
    int countWaiting() {
        return jdbc.sql("select count(*) from account_approval where municipality_id = :m and outcome is null")
            .param("m", approver().municipalityId())
            .query(Integer.class)
            .single();
    }

    @Transactional
    void approve(UUID id, @Nullable Integer expectedVersion) {
        CurrentUser approver = approver();
        Waiting request = decide(approver, id, expectedVersion, "APPROVED");
        if (request.kind() == Kind.NEW_ACCOUNT) {
            int rows = jdbc.sql("""
                    update app_user set enabled = true, version = version + 1
                    where municipality_id = :m and id = :id and role = :role""")
                .param("role", request.requestedRole().name())
                .param("m", approver.municipalityId())
                .param("id", request.accountId())
                .update();
            if (rows == 0) {
                throw new ConflictException("account.approval.outdated");
            }
        }
        else {
            int rows = jdbc.sql("""
                    update app_user set role = :role, partner_id = null, version = version + 1
                    where municipality_id = :m and id = :id and role = :previous""")
                .param("role", request.requestedRole().name())
                .param("m", approver.municipalityId())
                .param("id", request.accountId())
                .param("previous", request.previousRole() == null ? "" : request.previousRole().name())
                .update();
            if (rows == 0) {
                // the account's role changed since the request: it asks for something
                // else now
                throw new ConflictException("account.approval.outdated");
            }
            sessions.end(request.username(), null);
        }
        publish(approver, AccountEvent.Kind.APPROVED, request.username(),
                request.requestedRole() + " requested by " + request.requestedBy());
        tellRequester(approver, request, true);
    }

    @Transactional
    void decline(UUID id, @Nullable Integer expectedVersion) {
        CurrentUser approver = approver();
        Waiting request = decide(approver, id, expectedVersion, "DECLINED");
        publish(approver, AccountEvent.Kind.DECLINED, request.username(),
                request.requestedRole() + " requested by " + request.requestedBy());
        tellRequester(approver, request, false);
    }

    /** The administrator who asked is told the decision (while the account exists). */
    private void tellRequester(CurrentUser approver, Waiting request, boolean approved) {
        jdbc.sql("select id from app_user where municipality_id = :m and username = :username")
            .param("m", approver.municipalityId())
            .param("username", request.requestedBy())
            .query(UUID.class)
            .optional()
            .ifPresent(requester -> events.publishEvent(new RoleApprovalDecided(approver.municipalityId(), request.id(),
                    request.username(), request.requestedRole(), requester, approved)));
    }

    private Waiting decide(CurrentUser approver, UUID id, @Nullable Integer expectedVersion, String outcome) {
        Waiting request = jdbc.sql(SELECT + " where a.municipality_id = :m and a.id = :id for update of a")
            .param("m", approver.municipalityId())
            .param("id", id)
            .query(RoleApprovals::row)
            .optional()
            .orElseThrow(NotFoundException::new);
        if (expectedVersion != null && expectedVersion != request.version()) {
            throw new StaleVersionException();
        }
        if (isDecided(id)) {
            throw new ConflictException("account.approval.decided");
        }
        if (request.requestedBy().equals(approver.username()) || request.username().equals(approver.username())) {
            throw new ConflictException("account.approval.ownRequest");
        }
        jdbc.sql("""
                update account_approval set outcome = :outcome, decided_by = :by, decided_at = :at,
                    version = version + 1
                where id = :id""")
            .param("outcome", outcome)
            .param("by", approver.username())
            .param("at", Instant.now(clock).atOffset(ZoneOffset.UTC))
            .param("id", id)
            .update();
        return request;
    }

    private boolean isDecided(UUID id) {
        return jdbc.sql("select outcome is not null from account_approval where id = :id")
            .param("id", id)
            .query(Boolean.class)
            .single();
    }

    private void publish(CurrentUser actor, AccountEvent.Kind kind, String account, String detail) {
        events.publishEvent(
                new AccountEvent(kind, actor.municipalityId(), account, actor.username(), actor.role().name(), detail));
    }

    private static CurrentUser approver() {
        return CurrentUser.current().orElseThrow(NotFoundException::new);
    }

    private static final String SELECT = """
            select a.id, a.account_id, u.username, u.display_name, a.kind, a.previous_role, a.requested_role,
                a.requested_by, a.requested_at, a.version
            from account_approval a join app_user u on u.id = a.account_id""";

    private static Waiting row(ResultSet rs, int row) throws SQLException {
        String previous = rs.getString("previous_role");
        return new Waiting(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("username"), rs.getString("display_name"), Kind.valueOf(rs.getString("kind")),
                previous == null ? null : Role.valueOf(previous), Role.valueOf(rs.getString("requested_role")),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getInt("version"));
    }

}
