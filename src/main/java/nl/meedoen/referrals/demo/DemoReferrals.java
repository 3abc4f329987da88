package nl.meedoen.referrals.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipality;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.provisions.Provisions;
import nl.meedoen.referrals.ReferralStatus;
import nl.meedoen.referrals.SharedField;
import nl.meedoen.referrals.internal.Referral;
import nl.meedoen.referrals.internal.Referrals;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.Residents;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo referrals for Sliedrecht: permit holders referred to the language school of the
 * demo account {@code partner} in every stage (one waiting too long for a response), a
 * draft without consent, a referral declined by the sport club and one to the library on
 * a legal basis.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoReferrals implements DemoData {

    private static final List<SharedField> CONTACT = List.of(SharedField.NAME, SharedField.PHONE,
            SharedField.LANGUAGES);

    private final Residents residents;

    private final Provisions provisions;

    private final Referrals referrals;

    private final JdbcClient jdbc;

    private final Clock clock;

    DemoReferrals(Residents residents, Provisions provisions, Referrals referrals, JdbcClient jdbc, Clock clock) {
        this.residents = residents;
        this.provisions = provisions;
        this.referrals = referrals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Phase phase() {
        return Phase.REFERRALS;
    }

    @Override
    public boolean presentIn(Municipality municipality) {
        return DemoData.hasRows(jdbc, "referral", municipality);
    }

    @Override
    public void seed(Municipality municipality) {
        List<Residents.Resident> persons = residents.ofCategory(Category.PERMIT_HOLDER, 60);
        Optional<UUID> course = provision("NT2-cursus B1-route");
        Optional<UUID> knm = provision("Kennis van de Nederlandse Maatschappij (KNM)");
        Optional<UUID> zRoute = provision("Z-route: zelfredzaam in het Nederlands");
        Optional<UUID> socialTeam = provision("Ondersteuning bij vragen over geld, gezin en gezondheid");
        Optional<UUID> sport = provision("Sportmaatje: kennismaken met een club");
        Optional<UUID> library = provision("Taalcafé");
        if (persons.size() < 20 || course.isEmpty() || knm.isEmpty() || zRoute.isEmpty() || socialTeam.isEmpty()
                || sport.isEmpty() || library.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        // The last permit holders in registration order, so the guidance demo's persons
        // are not all reused.
        List<Residents.Resident> pick = persons.subList(persons.size() - 8, persons.size());

        Referral waiting = sent(pick.get(0).id(), course.get(), "Start NT2-les op weg naar B1", today.minusDays(30));
        backdate(waiting.id(), today.minusDays(20));

        sent(pick.get(1).id(), zRoute.get(), "Taalles in de Z-route, met kinderopvang", today.minusDays(2));

        Referral started = sent(pick.get(2).id(), course.get(), "NT2-les naast vrijwilligerswerk", today.minusDays(60));
        referrals.transition(started.id(), ReferralStatus.ACCEPTED, null, null, null);
        referrals.transition(started.id(), ReferralStatus.STARTED, null, null, null);

        Referral completed = sent(pick.get(3).id(), knm.get(), "Voorbereiding op het KNM-examen", today.minusDays(90));
        referrals.transition(completed.id(), ReferralStatus.ACCEPTED, null, null, null);
        referrals.transition(completed.id(), ReferralStatus.STARTED, null, null, null);
        referrals.transition(completed.id(), ReferralStatus.COMPLETED, null, null, null);

        referrals
            .draft(new Referrals.Draft(pick.get(4).id(), socialTeam.get(), "Hulp bij schulden en post van instanties",
                    List.of(SharedField.NAME, SharedField.PHONE, SharedField.ADDRESS), null, null, null));

        Referral declined = sent(pick.get(5).id(), sport.get(), "Kennismaken met voetbal, netwerk opbouwen",
                today.minusDays(10));
        referrals.transition(declined.id(), ReferralStatus.DECLINED, "Jeugdteams zitten vol tot de zomer", null, null);

        Referral legal = referrals.draft(new Referrals.Draft(pick.get(6).id(), library.get(),
                "Oefenen met spreken buiten de les", List.of(SharedField.NAME), null, null,
                "Wet inburgering 2021, art. 16: ondersteuning bij de inburgering"));
        referrals.send(legal.id(), null, null, null);
    }

    private Referral sent(UUID person, UUID provision, String purpose, LocalDate consentGivenOn) {
        Referral draft = referrals.draft(new Referrals.Draft(person, provision, purpose, CONTACT, consentGivenOn,
                consentGivenOn.plusYears(1), null));
        return referrals.send(draft.id(), null, null, null);
    }

    /**
     * Moves a sent referral's dates back, as if it had been drafted and sent on
     * {@code on}.
     */
    private void backdate(UUID referralId, LocalDate on) {
        jdbc.sql("update referral set sent_on = :on, status_on = :on where id = :id and municipality_id = :m")
            .param("on", on)
            .param("id", referralId)
            .param("m", Tenancy.require())
            .update();
        jdbc.sql("update referral_transition set on_date = :on where referral_id = :id and municipality_id = :m")
            .param("on", on)
            .param("id", referralId)
            .param("m", Tenancy.require())
            .update();
    }

    private Optional<UUID> provision(String name) {
        return provisions.active()
            .stream()
            .filter(p -> p.name().equals(name))
            .map(Provisions.Provision::id)
            .findFirst();
    }

}
