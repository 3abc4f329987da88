package nl.meedoen.portal.internal;

import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The link of a resident's account to exactly one person file ({@code resident_account}).
 * Everything the portal shows starts here: the person of the logged-in resident, never an
 * id the caller sends.
 */
@Component
public class ResidentFiles {

    private final JdbcClient jdbc;

    ResidentFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The person file of the logged-in resident; 403 for any other role, 404 for a
     * resident whose file is no longer linked.
     */
    public UUID current() {
        CurrentUser user = CurrentUser.current()
            .filter(u -> u.hasRole(Role.RESIDENT))
            .orElseThrow(() -> new AccessDeniedException("only a resident has an own file"));
        return personOf(user.id()).orElseThrow(NotFoundException::new);
    }

    /** The person the account is linked to, in the current municipality. */
    public Optional<UUID> personOf(UUID accountId) {
        return jdbc.sql("select person_id from resident_account where account_id = :a and municipality_id = :m")
            .param("a", accountId)
            .param("m", Tenancy.require())
            .query(UUID.class)
            .optional();
    }

    /** The resident's account of the person, if there is one. */
    public Optional<UUID> accountOf(UUID personId) {
        return jdbc.sql("select account_id from resident_account where person_id = :p and municipality_id = :m")
            .param("p", personId)
            .param("m", Tenancy.require())
            .query(UUID.class)
            .optional();
    }

    /** Links the account to the person, once. */
    public void link(UUID accountId, UUID personId) {
        jdbc.sql("""
                insert into resident_account (account_id, municipality_id, person_id)
                values (:a, :m, :p) on conflict (account_id, municipality_id) do nothing""")
            .param("a", accountId)
            .param("m", Tenancy.require())
            .param("p", personId)
            .update();
    }

}
