package nl.meedoen.audit.internal;

import java.util.Map;

import static java.util.Map.entry;

/**
 * The Dutch words for the stored columns in a subject-access export, so the person reads
 * "Geboortedatum", not {@code date_of_birth}. A column without a word here is shown with
 * its own name, underscores as spaces.
 */
final class ColumnLabels {

    private static final Map<String, String> DUTCH = Map.ofEntries(entry("id", "Kenmerk"),
            entry("person_id", "Kenmerk persoon"), entry("given_names", "Voornamen"), entry("given_name", "Voornaam"),
            entry("family_name", "Achternaam"), entry("date_of_birth", "Geboortedatum"), entry("gender", "Geslacht"),
            entry("category", "Doelgroep"), entry("bsn", "BSN"), entry("v_number", "V-nummer"),
            entry("country_of_birth", "Geboorteland"), entry("nationality", "Nationaliteit"),
            entry("languages", "Talen"), entry("phone", "Telefoon"), entry("email", "E-mail"),
            entry("street", "Straat"), entry("house_number", "Huisnummer"), entry("postcode", "Postcode"),
            entry("city", "Woonplaats"), entry("address", "Adres"), entry("arrival_date", "Datum van aankomst"),
            entry("registration_date", "Datum van inschrijving"), entry("ended_on", "Beëindigd op"),
            entry("end_reason", "Reden van beëindiging"), entry("created_at", "Vastgelegd op"),
            entry("updated_at", "Laatst gewijzigd op"), entry("created_by", "Vastgelegd door"),
            entry("household_id", "Kenmerk huishouden"), entry("role", "Rol"), entry("since", "Sinds"),
            entry("members", "Aantal leden"), entry("status", "Status"), entry("status_reason", "Reden van de status"),
            entry("status_on", "Status sinds"), entry("reason", "Reden"), entry("note", "Notitie"),
            entry("notes", "Notities"), entry("purpose", "Doel"), entry("shared_fields", "Gedeelde gegevens"),
            entry("consent_given_on", "Toestemming gegeven op"), entry("consent_valid_until", "Toestemming geldig tot"),
            entry("legal_basis", "Wettelijke grondslag"), entry("sent_on", "Verstuurd op"),
            entry("override_reason", "Reden verstrekking zonder toestemming"), entry("overridden_by", "Besluit door"),
            entry("provision", "Voorziening"), entry("partner", "Partner"),
            entry("provision_id", "Kenmerk voorziening"), entry("partner_id", "Kenmerk partner"),
            entry("referral_id", "Kenmerk verwijzing"), entry("from_status", "Van status"),
            entry("to_status", "Naar status"), entry("on_date", "Datum"), entry("at", "Tijdstip"),
            entry("actor_name", "Door"), entry("actor_role", "Rol"), entry("actor_id", "Kenmerk medewerker"),
            entry("starts_on", "Begint op"), entry("ends_on", "Eindigt op"), entry("started_on", "Begonnen op"),
            entry("closed_on", "Afgesloten op"), entry("start_date", "Begindatum"), entry("end_date", "Einddatum"),
            entry("months", "Maanden"), entry("requested_by", "Aangevraagd door"),
            entry("requested_at", "Aangevraagd op"), entry("decided_by", "Besloten door"),
            entry("decided_at", "Besloten op"), entry("decision_note", "Toelichting bij het besluit"),
            entry("regime", "Regime"), entry("duo_notice_date", "Datum bericht DUO"),
            entry("integration_period_start", "Begin inburgeringstermijn"),
            entry("integration_period_end", "Einde inburgeringstermijn"), entry("learning_route", "Leerroute"),
            entry("route", "Leerroute"), entry("plan_due_date", "Plan uiterlijk klaar op"),
            entry("signed_on", "Ondertekend op"), entry("held_on", "Gehouden op"), entry("hours", "Uren"),
            entry("topic", "Onderwerp"), entry("scheduled_on", "Gepland op"), entry("outcome", "Uitkomst"),
            entry("result", "Resultaat"), entry("part", "Onderdeel"), entry("kind", "Soort"), entry("ground", "Grond"),
            entry("taken_on", "Afgelegd op"), entry("from_route", "Van leerroute"), entry("to_route", "Naar leerroute"),
            entry("adopted_on", "Vastgesteld op"), entry("adopted_by", "Vastgesteld door"),
            entry("adopted_at", "Vastgesteld (tijdstip)"), entry("number", "Nummer"), entry("area", "Leefgebied"),
            entry("description", "Omschrijving"), entry("target_date", "Streefdatum"), entry("what", "Wat"),
            entry("who", "Wie"), entry("due_on", "Uiterlijk op"), entry("done_on", "Gedaan op"),
            entry("level", "Niveau"), entry("skill", "Vaardigheid"), entry("assessed_on", "Vastgesteld op"),
            entry("source", "Bron"), entry("provider", "Aanbieder"), entry("followed_until", "Gevolgd tot en met"),
            entry("school", "School"), entry("childcare", "Kinderopvang"),
            entry("next_review_due", "Volgend gesprek uiterlijk"), entry("recorded_by", "Vastgelegd door"),
            entry("match_date", "Datum koppeling"), entry("key_handover_date", "Datum sleuteloverdracht"),
            entry("volunteer", "Vrijwilliger"), entry("proposed_on", "Voorgesteld op"),
            entry("introduced_on", "Kennisgemaakt op"), entry("name", "Naam"),
            entry("preferred_gender", "Voorkeur geslacht"), entry("interests", "Interesses"),
            entry("countries", "Landen"), entry("availability", "Beschikbaarheid"), entry("match_id", "Kenmerk maatje"),
            entry("logged_by", "Vastgelegd door"), entry("organisation", "Organisatie"),
            entry("skills", "Vaardigheden"), entry("vog_date", "Datum VOG"), entry("active", "Actief"),
            entry("assigned_on", "Toegewezen op"), entry("handover", "Overdracht"),
            entry("session_on", "Datum van de les"), entry("present", "Aanwezig"), entry("notified", "Afgemeld"),
            entry("reported_by", "Gemeld door (kenmerk)"), entry("reported_at", "Gemeld op"),
            entry("remark", "Opmerkingen"), entry("recorded_on", "Vastgelegd op"));

    private ColumnLabels() {
    }

    static String dutch(String column) {
        String word = DUTCH.get(column);
        if (word != null) {
            return word;
        }
        String spaced = column.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

}
