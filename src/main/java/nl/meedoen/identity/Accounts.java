package nl.meedoen.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.TenantResolver;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The local accounts: looked up at login, and the source of the municipality for
 * row-level security.
 */
@Component
class Accounts implements UserDetailsService, TenantResolver {

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.password_hash, u.role, u.team_id, u.partner_id, u.enabled,
                   u.password_change_required,
                   m.id as m_id, m.code as m_code, m.name as m_name
            from app_user u join municipality m on m.id = u.municipality_id
            """;

    /** The team of a caseworker who has none: it is shared nothing and owns no file. */
    private static final UUID NO_TEAM = new UUID(0, 0);

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = :username")
            .param("username", username.trim().toLowerCase(Locale.ROOT))
            .query((rs, i) -> new Account(
                    new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"),
                            rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                            new Municipality(rs.getObject("m_id", UUID.class), rs.getString("m_code"),
                                    rs.getString("m_name")),
                            rs.getObject("team_id", UUID.class), rs.getObject("partner_id", UUID.class)),
                    rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("password_change_required")))
            .optional()
            .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }

    @Override
    public Optional<UUID> currentMunicipality() {
        return CurrentUser.current().map(CurrentUser::municipalityId);
    }

    /**
     * Need-to-know: a caseworker or team lead opens the files of the own team (and those
     * shared with it); one without a team, none. Whether the municipality applies it is
     * its setting, which the database reads with the team.
     */
    @Override
    public Optional<UUID> currentTeamScope() {
        return CurrentUser.current()
            .filter(user -> user.role() == Role.CASEWORKER || user.role() == Role.TEAM_LEAD)
            .map(user -> user.teamId() != null ? user.teamId() : NO_TEAM);
    }

}
