package nl.meedoen.datagen;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.datagen.MunicipalityRoster.Target;
import org.postgresql.copy.CopyManager;

/**
 * What a municipality needs before its persons can have trajectories, plans, referrals
 * and matches: caseworker accounts (one per 300 persons; username
 * {@code begeleider.<code>.<n>}, password {@code demo}) and a team lead
 * ({@code teamleider.<code>}), a policy officer ({@code beleid.<code>}), partner
 * organisations with their provisions (the provision directory of a municipality that has
 * none), and volunteers (one per 25 persons). What a municipality already has is kept and
 * used.
 */
final class Offices {

    static final int PERSONS_PER_CASEWORKER = 300;

    static final int PERSONS_PER_VOLUNTEER = 25;

    /**
     * A caseworker account of a team, with the name the modules write as the actor.
     */
    record Caseworker(UUID id, String name, UUID team) {
    }

    /** A provision of a partner; {@code domain} as stored. */
    record Provision(UUID id, UUID partnerId, String partnerName, String domain) {
    }

    /** A municipality with its team, caseworkers, provisions and volunteers. */
    record Office(Target municipality, UUID team, List<Caseworker> caseworkers, List<Provision> provisions,
            List<UUID> volunteers) {

        /**
         * A caseworker of the person's team: need-to-know lets no other team open the
         * file.
         */
        Caseworker caseworker(Draw draw, UUID personTeam) {
            List<Caseworker> ofTeam = caseworkers.stream().filter(c -> personTeam.equals(c.team())).toList();
            return draw.pick(ofTeam.isEmpty() ? caseworkers : ofTeam);
        }
    }

    private record PartnerTemplate(String kind, String name, List<String[]> provisions) {
    }

    /** Partner, kind, and per provision its name, domain and description. */
    private static final List<PartnerTemplate> PARTNERS = List.of(
            new PartnerTemplate("LANGUAGE_SCHOOL", "Taalhuis", List.<String[]>of(
                    new String[] { "NT2-les overdag", "LANGUAGE", "Lessen Nederlands als tweede taal, A1 tot B1." },
                    new String[] { "Taalcafé", "LANGUAGE", "Wekelijks Nederlands oefenen met vrijwilligers." })),
            new PartnerTemplate("SOCIAL_TEAM", "Sociaal Team",
                    List.<String[]>of(
                            new String[] { "Gezinsbegeleiding", "SUPPORT", "Ondersteuning bij opvoeden en gezin." },
                            new String[] { "Wegwijs in de gemeente", "LIVING_ENVIRONMENT",
                                    "Samen de voorzieningen in de buurt leren kennen." })),
            new PartnerTemplate("SOCIAL_SERVICE", "Werkplein", List.<String[]>of(
                    new String[] { "Werkfit-traject", "WORK_AND_INCOME", "Voorbereiding op betaald werk." },
                    new String[] { "Taal op de werkvloer", "WORK_AND_INCOME", "Nederlands leren op de werkplek." })),
            new PartnerTemplate("VOLUNTEER_ORGANISATION", "Vrijwilligerscentrale",
                    List.<String[]>of(new String[] { "Maatjesproject", "OWN_NETWORK", "Een maatje uit de buurt." },
                            new String[] { "Vrijwilligerswerk op maat", "PARTICIPATION",
                                    "Een passende plek als vrijwilliger." })),
            new PartnerTemplate("LIBRARY", "Bibliotheek", List.<String[]>of(
                    new String[] { "Digitaal spreekuur", "LIVING_ENVIRONMENT", "Hulp bij DigiD en formulieren." },
                    new String[] { "Voorleesexpress", "EDUCATION", "Voorlezen thuis voor gezinnen." })),
            new PartnerTemplate("SPORT_CLUB", "Sportvereniging",
                    List.<String[]>of(
                            new String[] { "Sportmaatje", "SPORT_AND_CULTURE", "Samen sporten bij een club." })),
            new PartnerTemplate("CHILDCARE", "Kinderopvang", List.<String[]>of(
                    new String[] { "VVE-peuterprogramma", "EDUCATION", "Voorschoolse educatie voor peuters." })),
            new PartnerTemplate("WELFARE", "Welzijnswerk",
                    List.<String[]>of(new String[] { "Workshop normen en waarden", "NORMS_AND_VALUES",
                            "Gesprekken over vrijheid, gelijkwaardigheid en participatie." })));

    private static final List<String> GIVEN = List.of("Sanne", "Lotte", "Anouk", "Eva", "Fleur", "Iris", "Noor",
            "Marieke", "Esther", "Karin", "Ingrid", "Mark", "Jeroen", "Thomas", "Daan", "Bas", "Ruben", "Pieter",
            "Willem", "Joost", "Hans", "Gerrit", "Fatma", "Samira", "Ahmed", "Yusuf");

    private static final List<String> FAMILY = List.of("de Vries", "Jansen", "de Jong", "Bakker", "Visser", "Smit",
            "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker",
            "Brouwer", "de Wit", "Dijkstra", "Smits", "van den Berg", "Kaya", "Yılmaz", "El Amrani");

    private Offices() {
    }

    static String name(Draw draw) {
        return draw.pick(GIVEN) + " " + draw.pick(FAMILY);
    }

    /** Adds what each municipality misses, for {@code persons[i]} persons to come. */
    static List<Office> prepare(Connection connection, CopyManager copy, List<Target> municipalities, int[] persons,
            String passwordHash, Draw draw, LocalDate today) throws SQLException, IOException {
        Map<UUID, List<Caseworker>> caseworkers = caseworkers(connection);
        Map<UUID, List<Provision>> provisions = provisions(connection);
        Map<UUID, List<UUID>> volunteers = ids(connection, "select municipality_id, id from volunteer where active");
        Tables tables = new Tables();
        CopyText users = tables.table(
                "app_user (id, municipality_id, team_id, username, display_name, password_hash, " + "role, version)");
        CopyText partners = tables
            .table("partner_organisation (id, municipality_id, name, kind, contact_name, email, " + "city, version)");
        CopyText provisionRows = tables.table("provision (id, municipality_id, partner_id, name, description, domain, "
                + "languages, location, active, version)");
        CopyText volunteerRows = tables.table("volunteer (id, municipality_id, given_name, family_name, organisation, "
                + "email, postcode, postcode_area, gender, languages, language_levels, countries, interests, "
                + "availability, roles, vog_date, max_matches, active, version)");
        List<Office> offices = new ArrayList<>();
        for (int i = 0; i < municipalities.size(); i++) {
            Target m = municipalities.get(i);
            UUID team = m.teams().get(0);
            List<Caseworker> own = new ArrayList<>(caseworkers.getOrDefault(m.id(), List.of()));
            int wanted = Math.max(1, (persons[i] + PERSONS_PER_CASEWORKER - 1) / PERSONS_PER_CASEWORKER);
            int n = own.size() + 1;
            List<UUID> withoutCaseworker = new ArrayList<>(m.teams());
            own.forEach(c -> withoutCaseworker.remove(c.team()));
            // every team gets a caseworker of its own: a file opens only for its team
            while (own.size() < wanted || !withoutCaseworker.isEmpty()) {
                UUID of = withoutCaseworker.isEmpty() ? team : withoutCaseworker.remove(0);
                Caseworker caseworker = new Caseworker(draw.uuid(), name(draw), of);
                users.value(caseworker.id())
                    .value(m.id())
                    .value(of)
                    .value("begeleider." + m.code() + "." + n++)
                    .value(caseworker.name())
                    .value(passwordHash)
                    .value("CASEWORKER")
                    .value(0)
                    .endRow();
                own.add(caseworker);
            }
            if (!caseworkers.containsKey(m.id())) {
                users.value(draw.uuid())
                    .value(m.id())
                    .value(team)
                    .value("teamleider." + m.code())
                    .value(name(draw))
                    .value(passwordHash)
                    .value("TEAM_LEAD")
                    .value(0)
                    .endRow();
                // the policy monitor's account: aggregates of the whole municipality only
                users.value(draw.uuid())
                    .value(m.id())
                    .value((UUID) null)
                    .value("beleid." + m.code())
                    .value(name(draw))
                    .value(passwordHash)
                    .value("POLICY_OFFICER")
                    .value(0)
                    .endRow();
            }
            List<Provision> directory = provisions.get(m.id());
            if (directory == null) {
                directory = new ArrayList<>();
                for (PartnerTemplate template : PARTNERS) {
                    UUID partner = draw.uuid();
                    String partnerName = template.name() + " " + m.name();
                    partners.value(partner)
                        .value(m.id())
                        .value(partnerName)
                        .value(template.kind())
                        .value(name(draw))
                        .value("info@" + template.name().toLowerCase().replace(' ', '-') + "-" + m.code()
                                + ".example.com")
                        .value(m.name())
                        .value(0)
                        .endRow();
                    for (String[] p : template.provisions()) {
                        UUID id = draw.uuid();
                        provisionRows.value(id)
                            .value(m.id())
                            .value(partner)
                            .value(p[0])
                            .value(p[2])
                            .value(p[1])
                            .array(List.of("nl"))
                            .value(m.name())
                            .value(true)
                            .value(0)
                            .endRow();
                        directory.add(new Provision(id, partner, partnerName, p[1]));
                    }
                }
            }
            List<UUID> helpers = new ArrayList<>(volunteers.getOrDefault(m.id(), List.of()));
            int postcodeArea = 1000 + Math.floorMod(m.code().hashCode() * 7919, 8_990);
            while (helpers.size() < Math.max(3, persons[i] / PERSONS_PER_VOLUNTEER)) {
                UUID id = draw.uuid();
                int area = postcodeArea + draw.between(0, 9);
                boolean bilingual = draw.chance(30);
                String role = List
                    .of("LANGUAGE_BUDDY", "LANGUAGE_BUDDY", "BUDDY", "BUDDY", "WORK_MENTOR", "PARENT_BUDDY")
                    .get(draw.between(0, 5));
                volunteerRows.value(id)
                    .value(m.id())
                    .value(draw.pick(GIVEN))
                    .value(draw.pick(FAMILY))
                    .value(draw.chance(40) ? "Vrijwilligerscentrale " + m.name() : null)
                    .value(draw.chance(70) ? "vrijwilliger" + helpers.size() + "." + m.code() + "@example.com" : null)
                    .value(area + " AB")
                    .value(area)
                    .value(draw.chance(60) ? "FEMALE" : "MALE")
                    .array(bilingual ? List.of("nl", draw.pick(List.of("ar", "en", "tr", "ti", "uk"))) : List.of("nl"))
                    .array(bilingual ? List.of("NATIVE", "FLUENT") : List.of("NATIVE"))
                    .array(List.of("NL"))
                    .array(List.of(draw.pick(List.of("koken", "fietsen", "voetbal", "lezen", "tuinieren", "muziek"))))
                    .value(1 + draw.between(0, (1 << 21) - 2))
                    .array(List.of(role))
                    .value(draw.chance(90) ? draw.day(today.minusYears(3).plusDays(30), today.minusDays(10))
                            : today.minusYears(4))
                    .value(draw.between(1, 3))
                    .value(true)
                    .value(0)
                    .endRow();
                helpers.add(id);
            }
            offices.add(new Office(m, team, List.copyOf(own), List.copyOf(directory), List.copyOf(helpers)));
        }
        tables.send(copy);
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into network_generation (municipality_id, generation) select id, 1 from municipality
                on conflict (municipality_id) do update set generation = network_generation.generation + 1""")) {
            statement.executeUpdate();
        }
        return offices;
    }

    private static Map<UUID, List<Caseworker>> caseworkers(Connection connection) throws SQLException {
        Map<UUID, List<Caseworker>> result = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select municipality_id, id, display_name, team_id from app_user where role = 'CASEWORKER' and enabled "
                        + "order by municipality_id, username");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                result.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>())
                    .add(new Caseworker(rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class)));
            }
        }
        return result;
    }

    private static Map<UUID, List<Provision>> provisions(Connection connection) throws SQLException {
        Map<UUID, List<Provision>> result = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select p.municipality_id, p.id, p.partner_id, o.name, p.domain
                from provision p join partner_organisation o on o.id = p.partner_id
                where p.active order by p.municipality_id, p.name"""); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                result.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>())
                    .add(new Provision(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                            rs.getString(5)));
            }
        }
        return result;
    }

    private static Map<UUID, List<UUID>> ids(Connection connection, String sql) throws SQLException {
        Map<UUID, List<UUID>> result = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql + " order by 1, 2");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                result.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>())
                    .add(rs.getObject(2, UUID.class));
            }
        }
        return result;
    }

}
