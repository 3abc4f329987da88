package nl.meedoen.residents.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Explicit shares of a file with another team (need-to-know): a team lead of the file's
 * own team opens it to another team of the municipality, with a reason and optionally a
 * last day, and revokes it. Row-level security reads the open shares
 * ({@code person_shared_with}); each share and revocation is logged for the person.
 */
@Service
public class PersonShares {

    /** A share as recorded; {@code active} on the day asked. */
    public record Share(UUID id, int version, UUID personId, UUID teamId, String teamName, String reason,
            @Nullable LocalDate endsOn, LocalDate sharedOn, @Nullable LocalDate revokedOn, boolean active) {
    }

    private final JdbcClient jdbc;

    private final Persons persons;

    private final Municipalities municipalities;

    private final AuditLog audit;

    private final Clock clock;

    PersonShares(JdbcClient jdbc, Persons persons, Municipalities municipalities, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.municipalities = municipalities;
        this.audit = audit;
        this.clock = clock;
    }

    /** The shares of a file the caller may open, newest first; 404 for any other. */
    @Transactional(readOnly = true)
    public List<Share> of(UUID personId) {
        UUID municipality = Tenancy.require();
        persons.find(municipality, personId).orElseThrow(NotFoundException::new);
        Map<UUID, String> teams = municipalities.teamNames(municipality);
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select id, version, person_id, team_id, reason, ends_on, shared_on, revoked_on from person_share
                where municipality_id = :m and person_id = :p order by shared_on desc, created_at desc""")
            .param("m", municipality)
            .param("p", personId)
            .query((rs, row) -> {
                UUID team = rs.getObject("team_id", UUID.class);
                LocalDate endsOn = rs.getObject("ends_on", LocalDate.class);
                LocalDate revokedOn = rs.getObject("revoked_on", LocalDate.class);
                return new Share(rs.getObject("id", UUID.class), rs.getInt("version"), personId, team,
                        teams.getOrDefault(team, ""), rs.getString("reason"), endsOn,
                        rs.getObject("shared_on", LocalDate.class), revokedOn,
                        revokedOn == null && (endsOn == null || !endsOn.isBefore(today)));
            })
            .list();
    }

    /** The teams of the municipality a file of the caller's team can be shared with. */
    @Transactional(readOnly = true)
    public Map<UUID, String> otherTeams() {
        Map<UUID, String> teams = municipalities.teamNames(Tenancy.require());
        CurrentUser.current().map(CurrentUser::teamId).ifPresent(teams::remove);
        return teams;
    }

    /**
     * Shares the file with another team: only a team lead of the file's own team, with a
     * reason, a last day that has not passed, one open share per team.
     */
    @Transactional
    public Share share(UUID personId, @Nullable UUID teamId, @Nullable String reason, @Nullable LocalDate endsOn) {
        UUID municipality = Tenancy.require();
        Person person = persons.find(municipality, personId).orElseThrow(NotFoundException::new);
        CurrentUser lead = ownTeamLead(person);
        LocalDate today = LocalDate.now(clock);
        if (teamId == null || !municipalities.teamNames(municipality).containsKey(teamId)
                || teamId.equals(person.teamId())) {
            throw new InvalidInputException("teamId", "share.teamId.invalid");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw new InvalidInputException("reason", "share.reason.required");
        }
        if (endsOn != null && endsOn.isBefore(today)) {
            throw new InvalidInputException("endsOn", "share.endsOn.past");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into person_share (id, municipality_id, person_id, team_id, reason, ends_on, shared_by,
                                              shared_on)
                    values (:id, :m, :p, :t, :reason, :ends, :by, :today)""")
                .param("id", id)
                .param("m", municipality)
                .param("p", personId)
                .param("t", teamId)
                .param("reason", why)
                .param("ends", endsOn)
                .param("by", lead.id())
                .param("today", today)
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("share.alreadyShared");
        }
        audit.record(AuditAction.SHARE, personId);
        return find(personId, id).orElseThrow();
    }

    /**
     * Revokes a share: the team sees the file no more (unless its own or shared
     * otherwise). With a version, only while it is still the current one.
     */
    @Transactional
    public Share revoke(UUID personId, UUID shareId, @Nullable Integer expectedVersion) {
        UUID municipality = Tenancy.require();
        Person person = persons.find(municipality, personId).orElseThrow(NotFoundException::new);
        CurrentUser lead = ownTeamLead(person);
        Share share = find(personId, shareId).orElseThrow(NotFoundException::new);
        if (expectedVersion != null && expectedVersion != share.version()) {
            throw new StaleVersionException();
        }
        if (share.revokedOn() != null) {
            throw new ConflictException("share.alreadyRevoked");
        }
        int changed = jdbc.sql("""
                update person_share set revoked_on = :today, revoked_by = :by, version = version + 1
                where municipality_id = :m and id = :id and version = :v""")
            .param("today", LocalDate.now(clock))
            .param("by", lead.id())
            .param("m", municipality)
            .param("id", shareId)
            .param("v", share.version())
            .update();
        if (changed == 0) {
            throw new StaleVersionException();
        }
        audit.record(AuditAction.SHARE_REVOKED, personId);
        return find(personId, shareId).orElseThrow();
    }

    private Optional<Share> find(UUID personId, UUID shareId) {
        return of(personId).stream().filter(s -> s.id().equals(shareId)).findFirst();
    }

    private static CurrentUser ownTeamLead(Person person) {
        CurrentUser user = CurrentUser.current().orElseThrow(() -> new AccessDeniedException("no user"));
        if (user.role() != Role.TEAM_LEAD || user.teamId() == null || !user.teamId().equals(person.teamId())) {
            throw new AccessDeniedException("only a team lead of the file's own team shares it");
        }
        return user;
    }

}
