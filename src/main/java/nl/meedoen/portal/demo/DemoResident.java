package nl.meedoen.portal.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipality;
import nl.meedoen.identity.ResidentLogins;
import nl.meedoen.portal.internal.ResidentFiles;
import nl.meedoen.residents.Residents;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo resident {@code inwoner} (password {@code demo}): a Sliedrecht permit holder
 * of the first team with an adopted plan (the one with the most actions of their own), to
 * which the demo adds what the portal shows when the other parts left it out: an intake
 * appointment ahead, an active buddy match with a volunteer who agreed to share a phone
 * number and an e-mail address, the caseworker {@code begeleider} and a referral accepted
 * by the language school, sent with consent.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoResident implements DemoData {

    static final String USERNAME = "inwoner";

    private final JdbcClient jdbc;

    private final ResidentLogins logins;

    private final ResidentFiles files;

    private final Residents residents;

    private final PasswordEncoder passwords;

    private final Clock clock;

    DemoResident(JdbcClient jdbc, ResidentLogins logins, ResidentFiles files, Residents residents,
            PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.logins = logins;
        this.files = files;
        this.residents = residents;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Phase phase() {
        return Phase.PORTAL;
    }

    @Override
    public boolean presentIn(Municipality municipality) {
        return DemoData.hasRows(jdbc, "resident_account", municipality);
    }

    @Override
    public void seed(Municipality municipality) {
        UUID person = jdbc.sql("""
                select p.id from person p
                join plan pl on pl.person_id = p.id
                where p.municipality_id = :m and p.ended_on is null and p.category = 'PERMIT_HOLDER'
                  and p.team_id = (select team_id from app_user where username = 'begeleider')
                  and exists (select 1 from plan_version v where v.plan_id = pl.id and v.status = 'ADOPTED')
                order by (select count(*) from plan_action a join plan_version v on v.id = a.version_id
                          where v.plan_id = pl.id and a.who = 'PERSON') desc, p.id
                limit 1""").param("m", municipality.id()).query(UUID.class).optional().orElse(null);
        if (person == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        ensureAppointment(municipality.id(), person, today);
        ensureBuddy(municipality.id(), person, today);
        buddySharesContact(municipality.id(), person);
        ensureCaseworker(municipality.id(), person, today);
        ensureReferral(municipality.id(), person, today);
        String name = residents.identity(person).map(i -> i.givenName() + " " + i.familyName()).orElse(USERNAME);
        UUID account = logins.createWithHash(municipality.id(), USERNAME, name, passwords.encode("demo"));
        files.link(account, person);
    }

    private void ensureAppointment(UUID municipality, UUID person, LocalDate today) {
        boolean ahead = jdbc.sql("""
                select exists (select 1 from intake_appointment where person_id = :p and outcome = 'SCHEDULED'
                               and scheduled_on >= :today)""")
            .param("p", person)
            .param("today", today)
            .query(Boolean.class)
            .single();
        if (!ahead) {
            jdbc.sql("""
                    insert into intake_appointment (id, municipality_id, person_id, scheduled_on, scheduled_time,
                        location)
                    values (:id, :m, :p, :on, :time, 'Gemeentehuis Sliedrecht, Oranjelaan 19')""")
                .param("id", UUID.randomUUID())
                .param("m", municipality)
                .param("p", person)
                .param("on", today.plusDays(12))
                .param("time", LocalTime.of(10, 30))
                .update();
        }
    }

    /** The first team's caseworker {@code begeleider} guides the trajectory. */
    private void ensureCaseworker(UUID municipality, UUID person, LocalDate today) {
        jdbc.sql("""
                insert into trajectory_caseworker (municipality_id, person_id, user_id, assigned_on)
                select :m, :p, u.id, :on from app_user u where u.username = 'begeleider'
                on conflict do nothing""")
            .param("m", municipality)
            .param("p", person)
            .param("on", today.minusDays(60))
            .update();
    }

    /**
     * A referral to the language school, sent with the resident's consent (valid for a
     * year), with what it shares captured as sending does.
     */
    private void ensureReferral(UUID municipality, UUID person, LocalDate today) {
        boolean consented = jdbc.sql("""
                select exists (select 1 from referral where person_id = :p and consent_given_on is not null
                               and status in ('SENT', 'ACCEPTED', 'STARTED'))""")
            .param("p", person)
            .query(Boolean.class)
            .single();
        if (consented) {
            return;
        }
        UUID referral = UUID.randomUUID();
        int made = jdbc.sql("""
                insert into referral (id, municipality_id, person_id, provision_id, partner_id, purpose, shared_fields,
                    consent_given_on, consent_valid_until, status, status_on, sent_on, created_by, shared_at,
                    shared_name, shared_phone)
                select :id, :m, p.id, v.id, v.partner_id, 'Taalles op weg naar B1, naast het werk',
                    '{NAME,PHONE}', :given, :until, 'ACCEPTED', :accepted, :sent,
                    (select id from app_user where username = 'begeleider'), now(),
                    p.given_names || ' ' || p.family_name, p.phone
                from person p, provision v
                where p.id = :p and v.municipality_id = :m and v.name = 'NT2-cursus B1-route'""")
            .param("id", referral)
            .param("m", municipality)
            .param("p", person)
            .param("given", today.minusDays(21))
            .param("until", today.plusDays(344))
            .param("sent", today.minusDays(20))
            .param("accepted", today.minusDays(15))
            .update();
        if (made == 0) {
            return;
        }
        for (String[] step : new String[][] { { null, "DRAFT", "21" }, { "DRAFT", "SENT", "20" },
                { "SENT", "ACCEPTED", "15" } }) {
            jdbc.sql("""
                    insert into referral_transition (id, municipality_id, referral_id, from_status, to_status, on_date,
                        actor_name, actor_role)
                    values (:id, :m, :r, :from, :to, :on, 'systeem', null)""")
                .param("id", UUID.randomUUID())
                .param("m", municipality)
                .param("r", referral)
                .param("from", step[0])
                .param("to", step[1])
                .param("on", today.minusDays(Integer.parseInt(step[2])))
                .update();
        }
    }

    /**
     * The volunteer of the resident's buddy match agreed to share a phone number and an
     * e-mail address with the resident (recorded as the coordinator does), so "my buddy"
     * shows them; a volunteer without either gets the demo's own.
     */
    private void buddySharesContact(UUID municipality, UUID person) {
        jdbc.sql("""
                update volunteer v set shares_phone = true, shares_email = true,
                    phone = coalesce(v.phone, '06 12345678'),
                    email = coalesce(v.email, lower(split_part(v.given_name, ' ', 1)) || '@vrijwilligers.example'),
                    version = v.version + 1
                where v.municipality_id = :m and v.id in (select b.volunteer_id from buddy_match b
                    where b.municipality_id = :m and b.person_id = :p and b.status = 'ACTIVE')""")
            .param("m", municipality)
            .param("p", person)
            .update();
    }

    private void ensureBuddy(UUID municipality, UUID person, LocalDate today) {
        boolean active = jdbc
            .sql("select exists (select 1 from buddy_match where person_id = :p and status = 'ACTIVE')")
            .param("p", person)
            .query(Boolean.class)
            .single();
        UUID volunteer = jdbc.sql("select id from volunteer where municipality_id = :m order by given_name, id limit 1")
            .param("m", municipality)
            .query(UUID.class)
            .optional()
            .orElse(null);
        if (active || volunteer == null) {
            return;
        }
        UUID request = UUID.randomUUID();
        jdbc.sql("""
                insert into match_request (id, municipality_id, person_id, role, languages, status)
                values (:id, :m, :p, 'LANGUAGE_BUDDY', '{nl}', 'MATCHED')""")
            .param("id", request)
            .param("m", municipality)
            .param("p", person)
            .update();
        jdbc.sql("""
                insert into buddy_match (id, municipality_id, match_request_id, person_id, volunteer_id, role, status,
                    score, proposed_on, introduced_on, started_on)
                values (:id, :m, :r, :p, :v, 'LANGUAGE_BUDDY', 'ACTIVE', 80, :proposed, :introduced, :started)""")
            .param("id", UUID.randomUUID())
            .param("m", municipality)
            .param("r", request)
            .param("p", person)
            .param("v", volunteer)
            .param("proposed", today.minusDays(40))
            .param("introduced", today.minusDays(33))
            .param("started", today.minusDays(30))
            .update();
    }

}
