package nl.meedoen.provisions.demo;

import java.util.List;
import java.util.UUID;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipality;
import nl.meedoen.provisions.Domain;
import nl.meedoen.provisions.PartnerKind;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo provision directory: for Sliedrecht the kinds of partners the integration note
 * names (the regional social service, the social team, a language school, the library,
 * volunteers, schools, childcare, a sport club, mental-health care, welfare) with
 * plausible provisions; for Dordrecht a few. The language school is the organisation of
 * the demo account {@code partner}.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoProvisions implements DemoData {

    /** Taalschool De Brug, the organisation of the demo account {@code partner}. */
    static final UUID LANGUAGE_SCHOOL = UUID.fromString("4f1c8a52-6f0e-4b9a-9a51-2d7c3e0b1a01");

    private record Org(@Nullable UUID id, String name, PartnerKind kind, String contact, String email, String phone,
            String street, String number, String postcode, String city, List<Offer> offers) {
    }

    private record Offer(String name, Domain domain, String description, String targetGroup, String languages,
            String cost, String accessibility, String location, String hours, String apply) {
    }

    private static final String SLIEDRECHT_CENTRE = "Sliedrecht centrum";

    private static final List<Org> SLIEDRECHT = List.of(
            new Org(LANGUAGE_SCHOOL, "Taalschool De Brug", PartnerKind.LANGUAGE_SCHOOL, "Joris van Dam",
                    "info@taalschooldebrug.example", "0184 000 101", "Stationsweg", "12", "3361 AA", "Sliedrecht",
                    List.of(new Offer("NT2-cursus B1-route", Domain.LANGUAGE,
                            "Les in het Nederlands op weg naar niveau B1: lezen, luisteren, schrijven en spreken. "
                                    + "Drie ochtenden per week in een kleine groep.",
                            "Inburgeringsplichtigen in de B1-route", "nl,en,ar", "Gratis voor inburgeringsplichtigen",
                            "Lokaal op de begane grond, lift aanwezig", "Stationsweg 12, Sliedrecht",
                            "Ma, wo en vr 9.00–12.00 uur", "Aanmelden via de consulent; intake binnen twee weken"),
                            new Offer("Z-route: zelfredzaam in het Nederlands", Domain.LANGUAGE,
                                    "Taalles op niveau A1 voor wie de B1-route niet haalbaar is, met praktijklessen in "
                                            + "de wijk: boodschappen, dokter, school.",
                                    "Statushouders in de Z-route", "nl,ar,ti,prs", "Gratis voor inburgeringsplichtigen",
                                    "Ook kinderopvang tijdens de les", "Stationsweg 12, Sliedrecht",
                                    "Di en do 9.00–14.00 uur", "Aanmelden via de consulent"),
                            new Offer("Kennis van de Nederlandse Maatschappij (KNM)", Domain.NORMS_AND_VALUES,
                                    "Acht lessen over werk, zorg, wonen, onderwijs, geschiedenis en omgangsvormen, "
                                            + "als voorbereiding op het KNM-examen.",
                                    "Inburgeraars", "nl,ar,ti,en", "Gratis voor inburgeringsplichtigen",
                                    "Lesmateriaal ook in grote letters", "Stationsweg 12, Sliedrecht",
                                    "Wo 13.00–15.00 uur", "Aanmelden via de consulent"),
                            new Offer("Alfabetisering voor volwassenen", Domain.LANGUAGE,
                                    "Leren lezen en schrijven in het Latijnse schrift, in je eigen tempo.",
                                    "Volwassenen die niet of weinig geletterd zijn", "nl,ar,so,ti", "Gratis",
                                    "Rolstoeltoegankelijk", "Stationsweg 12, Sliedrecht", "Ma en do 13.00–15.00 uur",
                                    "Bellen of langskomen"))),
            new Org(null, "Sociale Dienst Drechtsteden", PartnerKind.SOCIAL_SERVICE, "Klantcontactcentrum",
                    "info@sdd.example", "078 000 0200", "Spuiboulevard", "300", "3311 GR", "Dordrecht",
                    List.of(new Offer("Uitkering en ontzorgen", Domain.WORK_AND_INCOME,
                            "Bijstandsuitkering voor wie nog geen werk heeft. De eerste zes maanden betaalt de dienst "
                                    + "huur, energie en zorgverzekering direct uit de uitkering (ontzorgen).",
                            "Statushouders met een bijstandsuitkering", "nl,en,ar", "Gratis", "Tolk op afspraak",
                            "Spuiboulevard 300, Dordrecht", "Ma–vr 8.30–17.00 uur",
                            "Aanvraag via de consulent of werkenbijsdd.example"),
                            new Offer("Taal op de werkvloer", Domain.WORK_AND_INCOME,
                                    "Werkervaring bij een leerwerkbedrijf met een taalcoach: leren werken en het "
                                            + "Nederlands van het werk tegelijk.",
                                    "Werkzoekenden vanaf taalniveau A2", "nl", "Gratis",
                                    "Werkplek aangepast op verzoek", "Leerwerkbedrijf, Dordrecht",
                                    "Ma–do 8.30–15.30 uur", "Via de werkcoach van de Sociale Dienst"))),
            new Org(null, "Sociaal Team Sliedrecht", PartnerKind.SOCIAL_TEAM, "Wijkteam Centrum",
                    "sociaalteam@sliedrecht.example", "0184 000 300", "Dr. Langeveldplein", "5", "3361 XG",
                    "Sliedrecht",
                    List.of(new Offer("Ondersteuning bij vragen over geld, gezin en gezondheid", Domain.SUPPORT,
                            "Een vast aanspreekpunt kijkt met u mee naar wat er thuis nodig is en schakelt zo nodig "
                                    + "hulp in, vroeg en dichtbij.",
                            "Alle inwoners van Sliedrecht", "nl,en,ar,tr", "Gratis", "Huisbezoek mogelijk",
                            "Dr. Langeveldplein 5, Sliedrecht", "Ma–vr 9.00–17.00 uur",
                            "Bellen, mailen of binnenlopen"),
                            new Offer("Opvoedondersteuning", Domain.SUPPORT,
                                    "Gesprekken en cursussen voor ouders over opvoeden in een nieuw land.",
                                    "Ouders met kinderen tot 18 jaar", "nl,ar,ti", "Gratis", "Oppas aanwezig",
                                    "Dr. Langeveldplein 5, Sliedrecht", "Op afspraak",
                                    "Aanmelden via het sociaal team"),
                            new Offer("Wegwijs in Sliedrecht", Domain.LIVING_ENVIRONMENT,
                                    "Een rondleiding langs gemeentehuis, huisarts, bibliotheek, scholen en winkels, "
                                            + "met uitleg over afval, post en openbaar vervoer.",
                                    "Nieuwe inwoners", "nl,ar,ti,prs,uk", "Gratis", "Rustig tempo, korte afstanden",
                                    SLIEDRECHT_CENTRE, "Eerste maandag van de maand 10.00 uur",
                                    "Aanmelden via de consulent"))),
            new Org(null, "Bibliotheek Sliedrecht", PartnerKind.LIBRARY, "Taalhuis", "taalhuis@bieb.example",
                    "0184 000 400", "Kerkbuurt", "8", "3361 BJ", "Sliedrecht",
                    List.of(new Offer("Taalcafé", Domain.LANGUAGE,
                            "Elke week oefenen met Nederlands praten onder begeleiding van vrijwilligers, met koffie.",
                            "Iedereen die Nederlands wil oefenen", "nl", "Gratis", "Rolstoeltoegankelijk",
                            "Kerkbuurt 8, Sliedrecht", "Do 19.00–20.30 uur", "Gewoon binnenlopen"),
                            new Offer("Digitaal spreekuur", Domain.LIVING_ENVIRONMENT,
                                    "Hulp met DigiD, e-mail en de websites van de gemeente en de Belastingdienst.",
                                    "Volwassenen", "nl,en,ar", "Gratis", "Computers met grote letters",
                                    "Kerkbuurt 8, Sliedrecht", "Di 10.00–12.00 uur", "Gewoon binnenlopen"))),
            new Org(null, "Vrijwilligerscentrale Sliedrecht", PartnerKind.VOLUNTEER_ORGANISATION, "Coördinator maatjes",
                    "maatjes@vrijwilligers.example", "0184 000 500", "Rivierdijk", "40", "3361 AD", "Sliedrecht",
                    List.of(new Offer("Taalmaatje", Domain.OWN_NETWORK,
                            "Een vrijwilliger oefent een jaar lang elke week een uur Nederlands met u, thuis of in de "
                                    + "bibliotheek.",
                            "Volwassenen vanaf taalniveau A1", "nl", "Gratis", "Afspreken op een plek naar keuze",
                            "Bij u thuis of in de bibliotheek", "In overleg", "Aanmelden via de consulent"),
                            new Offer("Vrijwilligerswerk op maat", Domain.PARTICIPATION,
                                    "Samen zoeken naar vrijwilligerswerk dat past: bij de voedselbank, de kringloop, "
                                            + "de sportclub of in de zorg.",
                                    "Iedereen die wil meedoen", "nl,en,ar,ti", "Gratis",
                                    "Ook voor beginnend Nederlands", "Rivierdijk 40, Sliedrecht", "Wo 9.00–12.00 uur",
                                    "Bellen of mailen"))),
            new Org(null, "Basisschool De Wegwijzer", PartnerKind.SCHOOL, "Intern begeleider",
                    "info@dewegwijzer.example", "0184 000 600", "Thorbeckelaan", "3", "3362 AB", "Sliedrecht",
                    List.of(new Offer("VVE-peutergroep", Domain.EDUCATION,
                            "Voor- en vroegschoolse educatie: spelenderwijs Nederlands leren voor peuters vanaf 2,5 jaar.",
                            "Peuters met een VVE-indicatie", "nl", "Gratis met VVE-indicatie", "Ouders mogen meedoen",
                            "Thorbeckelaan 3, Sliedrecht", "Vier ochtenden per week", "Via het consultatiebureau"),
                            new Offer("Koffieochtend voor ouders", Domain.EDUCATION,
                                    "Ouders ontmoeten elkaar en de leerkrachten en horen hoe de Nederlandse school werkt.",
                                    "Ouders van leerlingen", "nl,ar,ti", "Gratis", "Tolk aanwezig",
                                    "Thorbeckelaan 3, Sliedrecht", "Eerste vrijdag van de maand 8.30 uur",
                                    "Gewoon binnenlopen"))),
            new Org(null, "ISK Drechtsteden", PartnerKind.SCHOOL, "Zorgcoördinator", "isk@school.example",
                    "078 000 0700", "Noordendijk", "250", "3311 RR", "Dordrecht",
                    List.of(new Offer("Internationale Schakelklas met leerlingenvervoer", Domain.EDUCATION,
                            "Twee jaar voortgezet onderwijs in een schakelklas, met vervoer vanuit Sliedrecht en "
                                    + "opvang tussen de middag.",
                            "Jongeren van 12 tot 18 jaar", "nl", "Gratis", "Vervoer geregeld",
                            "Noordendijk 250, Dordrecht", "Schooldagen 8.30–15.00 uur", "Aanmelden via leerplicht"))),
            new Org(null, "Kinderopvang Het Molentje", PartnerKind.CHILDCARE, "Locatiemanager",
                    "info@hetmolentje.example", "0184 000 800", "Molendijk", "21", "3361 EP", "Sliedrecht",
                    List.of(new Offer("Peuteropvang", Domain.EDUCATION,
                            "Opvang voor peuters, zodat ouders naar taalles of werk kunnen.",
                            "Kinderen van 0 tot 4 jaar", "nl", "Kinderopvangtoeslag mogelijk", "Begane grond",
                            "Molendijk 21, Sliedrecht", "Ma–vr 7.30–18.30 uur", "Bellen voor een kennismaking"))),
            new Org(null, "Logopediepraktijk Rivierenland", PartnerKind.OTHER, "Logopedist",
                    "praktijk@logopedie.example", "0184 000 850", "Kerkbuurt", "101", "3361 BK", "Sliedrecht",
                    List.of(new Offer("Logopedie voor meertalige kinderen", Domain.EDUCATION,
                            "Onderzoek en behandeling van taal- en spraakontwikkeling, met aandacht voor de thuistaal.",
                            "Kinderen van 2 tot 12 jaar", "nl,en", "Vergoed door de zorgverzekering",
                            "Rolstoeltoegankelijk", "Kerkbuurt 101, Sliedrecht", "Op afspraak",
                            "Verwijzing van huisarts of school"))),
            new Org(null, "Sportvereniging Sliedrecht", PartnerKind.SPORT_CLUB, "Verenigingsondersteuner",
                    "sport@svsliedrecht.example", "0184 000 900", "Sportlaan", "2", "3362 SG", "Sliedrecht",
                    List.of(new Offer("Sportmaatje: kennismaken met een club", Domain.SPORT_AND_CULTURE,
                            "Vier gratis trainingen bij voetbal, volleybal of atletiek, met een clublid als maatje.",
                            "Jongeren en volwassenen", "nl,en", "Eerste vier weken gratis, daarna jeugdfonds mogelijk",
                            "Aangepast sporten mogelijk", "Sportlaan 2, Sliedrecht", "Door de week 's avonds",
                            "Aanmelden via de consulent of de buurtsportcoach"),
                            new Offer("Zwemles voor volwassenen", Domain.SPORT_AND_CULTURE,
                                    "Leren zwemmen in een groep alleen voor volwassenen, met vrouwenuren.",
                                    "Volwassenen", "nl", "Korting met de Sliedrechtpas", "Vrouwenuren op vrijdag",
                                    "Zwembad, Sportlaan 4, Sliedrecht", "Vr 19.00–20.00 uur",
                                    "Aanmelden bij het zwembad"))),
            new Org(null, "GGZ Rivierstromen", PartnerKind.MENTAL_HEALTH, "Aanmeldteam", "aanmelden@ggz.example",
                    "078 000 1000", "Dokter Horstinklaan", "9", "3311 AB", "Dordrecht",
                    List.of(new Offer("Psychische ondersteuning voor nieuwkomers", Domain.SUPPORT,
                            "Groepsbijeenkomsten over stress, slaap en veerkracht, en zo nodig behandeling bij "
                                    + "trauma, met tolk.",
                            "Volwassenen en jongeren vanaf 14 jaar", "nl,ar,ti,prs,fa",
                            "Vergoed door de zorgverzekering", "Tolk en vervoer geregeld",
                            "Dokter Horstinklaan 9, Dordrecht", "Op afspraak",
                            "Verwijzing van huisarts of sociaal team"))),
            new Org(null, "Welzijn Sliedrecht", PartnerKind.WELFARE, "Opbouwwerker", "welzijn@sliedrecht.example",
                    "0184 000 1100", "Baanhoek", "50", "3361 GD", "Sliedrecht",
                    List.of(new Offer("Vrouwengroep Ontmoeten en Meedoen", Domain.OWN_NETWORK,
                            "Vrouwen uit verschillende landen ontmoeten elkaar, leren van elkaar en doen samen mee in "
                                    + "de wijk.",
                            "Vrouwen", "nl,ar,ti,tr", "Gratis", "Kinderoppas aanwezig", "Buurthuis Baanhoek 50",
                            "Di 9.30–11.30 uur", "Gewoon binnenlopen"))));

    private static final List<Org> DORDRECHT = List.of(
            new Org(null, "Sociale Dienst Drechtsteden", PartnerKind.SOCIAL_SERVICE, "Klantcontactcentrum",
                    "info@sdd.example", "078 000 0200", "Spuiboulevard", "300", "3311 GR", "Dordrecht",
                    List.of(new Offer("Uitkering en ontzorgen", Domain.WORK_AND_INCOME,
                            "Bijstandsuitkering met ontzorgen in de eerste zes maanden.",
                            "Statushouders met een bijstandsuitkering", "nl,en,ar", "Gratis", "Tolk op afspraak",
                            "Spuiboulevard 300, Dordrecht", "Ma–vr 8.30–17.00 uur", "Aanvraag via de consulent"))),
            new Org(null, "Taalhuis Dordrecht", PartnerKind.LIBRARY, "Taalhuis", "taalhuis@dordrecht.example",
                    "078 000 1200", "Groenmarkt", "53", "3311 BD", "Dordrecht",
                    List.of(new Offer("Taalcafé Dordrecht", Domain.LANGUAGE,
                            "Wekelijks Nederlands oefenen met vrijwilligers.", "Iedereen", "nl", "Gratis",
                            "Rolstoeltoegankelijk", "Groenmarkt 53, Dordrecht", "Wo 14.00–15.30 uur",
                            "Gewoon binnenlopen"))));

    private final JdbcClient jdbc;

    DemoProvisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Phase phase() {
        return Phase.DIRECTORY;
    }

    /**
     * Both demo municipalities have a directory: a partner of one is never shown to the
     * other.
     */
    @Override
    public boolean appliesTo(Municipality municipality) {
        return true;
    }

    @Override
    public boolean presentIn(Municipality municipality) {
        return DemoData.hasRows(jdbc, "partner_organisation", municipality);
    }

    @Override
    public void seed(Municipality municipality) {
        for (Org org : municipality.code().equals("0610") ? SLIEDRECHT : DORDRECHT) {
            UUID id = org.id() != null ? org.id() : UUID.randomUUID();
            insert(municipality.id(), id, org);
            org.offers().forEach(offer -> insert(municipality.id(), id, offer));
        }
    }

    private void insert(UUID municipality, UUID id, Org org) {
        jdbc.sql("""
                insert into partner_organisation (id, municipality_id, name, kind, contact_name, email, phone,
                    street, house_number, postcode, city)
                values (:id, :m, :name, :kind, :contact, :email, :phone, :street, :number, :postcode, :city)""")
            .param("id", id)
            .param("m", municipality)
            .param("name", org.name())
            .param("kind", org.kind().name())
            .param("contact", org.contact())
            .param("email", org.email())
            .param("phone", org.phone())
            .param("street", org.street())
            .param("number", org.number())
            .param("postcode", org.postcode())
            .param("city", org.city())
            .update();
    }

    private void insert(UUID municipality, UUID partner, Offer offer) {
        jdbc.sql("""
                insert into provision (id, municipality_id, partner_id, name, description, domain, target_group,
                    languages, cost, accessibility, location, opening_hours, how_to_apply)
                values (:id, :m, :partner, :name, :description, :domain, :target, string_to_array(:languages, ','),
                    :cost, :access, :location, :hours, :apply)""")
            .param("id", UUID.randomUUID())
            .param("m", municipality)
            .param("partner", partner)
            .param("name", offer.name())
            .param("description", offer.description())
            .param("domain", offer.domain().name())
            .param("target", offer.targetGroup())
            .param("languages", offer.languages())
            .param("cost", offer.cost())
            .param("access", offer.accessibility())
            .param("location", offer.location())
            .param("hours", offer.hours())
            .param("apply", offer.apply())
            .update();
    }

}
