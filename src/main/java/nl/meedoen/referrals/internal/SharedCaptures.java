package nl.meedoen.referrals.internal;

import java.sql.Array;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.platform.Tenancy;
import nl.meedoen.referrals.SharedField;
import nl.meedoen.referrals.internal.ReferralViews.SharedPerson;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Contact;
import nl.meedoen.residents.Residents.Resident;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the partner reads of the person: the shared fields, captured from the file when
 * the referral is sent (what the person agreed to share, then). A later change of the
 * file never reaches the partner, and nothing outside the shared fields is ever copied.
 */
@Component
class SharedCaptures {

    private final JdbcClient jdbc;

    private final Residents residents;

    SharedCaptures(JdbcClient jdbc, Residents residents) {
        this.jdbc = jdbc;
        this.residents = residents;
    }

    /**
     * Copies the shared fields of the person's file onto the referral, as they are now.
     */
    void capture(Referral referral, OffsetDateTime at) {
        Collection<SharedField> fields = referral.sharedFields();
        Resident resident = residents.find(referral.personId()).orElse(null);
        boolean contactNeeded = fields.contains(SharedField.PHONE) || fields.contains(SharedField.EMAIL)
                || fields.contains(SharedField.ADDRESS) || fields.contains(SharedField.LANGUAGES);
        Contact contact = contactNeeded ? residents.contact(referral.personId()).orElse(null) : null;
        List<String> languages = contact != null && fields.contains(SharedField.LANGUAGES) ? contact.languages() : null;
        jdbc.sql("""
                update referral set shared_at = :at, shared_name = :name, shared_date_of_birth = :born,
                    shared_phone = :phone, shared_email = :email, shared_address = :address,
                    shared_languages = string_to_array(:languages, ',')
                where id = :id and municipality_id = :m""")
            .param("at", at)
            .param("name", resident != null && fields.contains(SharedField.NAME) ? resident.name() : null)
            .param("born",
                    resident != null && fields.contains(SharedField.DATE_OF_BIRTH) ? resident.dateOfBirth() : null)
            .param("phone", contact != null && fields.contains(SharedField.PHONE) ? contact.phone() : null)
            .param("email", contact != null && fields.contains(SharedField.EMAIL) ? contact.email() : null)
            .param("address", contact != null && fields.contains(SharedField.ADDRESS) ? contact.address() : null)
            .param("languages", languages == null ? null : String.join(",", languages))
            .param("id", referral.id())
            .param("m", Tenancy.require())
            .update();
    }

    /** The captures of these referrals, by referral; a referral never sent has none. */
    Map<UUID, SharedPerson> of(Collection<UUID> referralIds) {
        Map<UUID, SharedPerson> captures = new HashMap<>();
        if (referralIds.isEmpty()) {
            return captures;
        }
        jdbc.sql("""
                select id, shared_name, shared_date_of_birth, shared_phone, shared_email, shared_address,
                       shared_languages
                from referral where municipality_id = :m and id in (:ids) and shared_at is not null""")
            .param("m", Tenancy.require())
            .param("ids", referralIds)
            .query((rs, i) -> {
                Array languages = rs.getArray("shared_languages");
                return captures.put(rs.getObject("id", UUID.class),
                        new SharedPerson(rs.getString("shared_name"),
                                rs.getObject("shared_date_of_birth", LocalDate.class), rs.getString("shared_phone"),
                                rs.getString("shared_email"), rs.getString("shared_address"),
                                languages == null ? null : Arrays.asList((String[]) languages.getArray())));
            })
            .list();
        return captures;
    }

}
