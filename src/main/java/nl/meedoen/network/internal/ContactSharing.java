package nl.meedoen.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import nl.meedoen.network.Buddies;
import nl.meedoen.network.MatchStatus;
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What of a volunteer's contact the persons they are matched with may see in Mijn
 * Meedoen: the volunteer agrees, the coordinator records it. Nothing is shared until
 * then; the first name is all a person sees of a volunteer who did not agree.
 */
@Service
public class ContactSharing implements Buddies {

    /** What the volunteer agreed to share, with the volunteer's version. */
    public record Shared(boolean phone, boolean email, int version) {
    }

    private final JdbcClient jdbc;

    ContactSharing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Shared sharing(UUID volunteerId) {
        return jdbc.sql("""
                select shares_phone, shares_email, version from volunteer where municipality_id = :m and id = :id""")
            .param("m", Tenancy.require())
            .param("id", volunteerId)
            .query((rs, n) -> new Shared(rs.getBoolean(1), rs.getBoolean(2), rs.getInt(3)))
            .optional()
            .orElseThrow(NotFoundException::new);
    }

    /**
     * Records what the volunteer agreed to share; {@code version} must be the volunteer's
     * as last read (412 otherwise). Answers the volunteer's new version.
     */
    @Transactional
    public int change(UUID volunteerId, int version, boolean phone, boolean email) {
        sharing(volunteerId);
        int changed = jdbc.sql("""
                update volunteer set shares_phone = :phone, shares_email = :email, version = version + 1
                where municipality_id = :m and id = :id and version = :v""")
            .param("phone", phone)
            .param("email", email)
            .param("m", Tenancy.require())
            .param("id", volunteerId)
            .param("v", version)
            .update();
        if (changed == 0) {
            throw new StaleVersionException();
        }
        return version + 1;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Buddy> of(UUID personId) {
        return jdbc.sql("""
                select split_part(v.given_name, ' ', 1), b.role, b.status, coalesce(b.started_on, b.introduced_on),
                    case when v.shares_phone then v.phone end, case when v.shares_email then v.email end
                from buddy_match b
                join volunteer v on v.municipality_id = b.municipality_id and v.id = b.volunteer_id
                where b.municipality_id = :m and b.person_id = :p and b.status in ('INTRODUCED', 'ACTIVE')
                order by coalesce(b.started_on, b.introduced_on) desc nulls last, b.id""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(ContactSharing::buddy)
            .list();
    }

    private static Buddy buddy(ResultSet rs, int row) throws SQLException {
        return new Buddy(rs.getString(1), VolunteerRole.valueOf(rs.getString(2)), MatchStatus.valueOf(rs.getString(3)),
                rs.getObject(4, java.time.LocalDate.class), rs.getString(5), rs.getString(6));
    }

}
