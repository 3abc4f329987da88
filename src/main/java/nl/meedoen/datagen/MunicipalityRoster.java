package nl.meedoen.datagen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The municipalities the dataset spreads its persons over. Existing municipalities stay
 * as they are; the Drechtsteden are added under their real CBS codes when missing, and
 * synthetic municipalities ("Gemeente 2001" and on: codes from 2001 upward, which CBS has
 * not handed out) make up the rest. Every municipality gets a team when it has none.
 * <p>
 * Persons are spread in proportion to a population: the real one for the Drechtsteden,
 * and for the synthetic municipalities a Zipf-like curve (the n-th largest has about
 * 930,000 / n<sup>0.65</sup> inhabitants) that, like the Netherlands, has a few large
 * cities and many small municipalities, adding up to about 18 million.
 */
final class MunicipalityRoster {

    /**
     * A municipality with its teams and the population its share of persons is based on.
     */
    record Target(UUID id, String code, String name, List<UUID> teams, double population) {
    }

    record Known(String name, int population) {
    }

    static final String SLIEDRECHT = "0610";

    /**
     * Sliedrecht, home of the demo accounts, gets at least this many persons (or a
     * quarter of a small run).
     */
    static final int SLIEDRECHT_MINIMUM = 3_000;

    static final Map<String, Known> DRECHTSTEDEN = new LinkedHashMap<>();

    static {
        DRECHTSTEDEN.put("0482", new Known("Alblasserdam", 20_500));
        DRECHTSTEDEN.put("0505", new Known("Dordrecht", 121_000));
        DRECHTSTEDEN.put("0523", new Known("Hardinxveld-Giessendam", 18_700));
        DRECHTSTEDEN.put("0531", new Known("Hendrik-Ido-Ambacht", 32_100));
        DRECHTSTEDEN.put("0590", new Known("Papendrecht", 32_800));
        DRECHTSTEDEN.put("0610", new Known("Sliedrecht", 25_800));
        DRECHTSTEDEN.put("0642", new Known("Zwijndrecht", 45_500));
    }

    static final String TEAM_NAME = "Team Inburgering";

    private static final int FIRST_SYNTHETIC_CODE = 2001;

    private static final Pattern SYNTHETIC_NAME = Pattern.compile("Gemeente \\d{4}");

    /**
     * Population assumed for an existing municipality that is neither a Drechtsteden one
     * nor synthetic.
     */
    private static final int UNKNOWN_POPULATION = 30_000;

    private record Row(UUID id, String code, String name) {
    }

    private MunicipalityRoster() {
    }

    /**
     * Adds what is missing (municipalities up to {@code wanted}, a team for each) and
     * returns them all.
     */
    static List<Target> prepare(Connection connection, int wanted, SplittableRandom random) throws SQLException {
        List<Row> rows = municipalities(connection);
        Set<String> codes = new HashSet<>();
        rows.forEach(row -> codes.add(row.code()));
        for (Map.Entry<String, Known> known : DRECHTSTEDEN.entrySet()) {
            if (!codes.contains(known.getKey()) && codes.size() < wanted) {
                rows.add(insertMunicipality(connection, known.getKey(), known.getValue().name()));
                codes.add(known.getKey());
            }
        }
        int next = FIRST_SYNTHETIC_CODE;
        while (codes.size() < wanted) {
            if (next > 9_999) {
                throw new IllegalStateException("No four-digit codes left for synthetic municipalities");
            }
            String code = String.format("%04d", next++);
            if (codes.add(code)) {
                rows.add(insertMunicipality(connection, code, "Gemeente " + code));
            }
        }
        rows.sort(Comparator.comparing(Row::code));

        Map<UUID, List<UUID>> teams = teams(connection);
        int syntheticRank = 0;
        List<Target> targets = new ArrayList<>();
        for (Row row : rows) {
            List<UUID> ofMunicipality = teams.get(row.id());
            if (ofMunicipality == null) {
                ofMunicipality = List.of(insertTeam(connection, row.id()));
            }
            double population;
            if (DRECHTSTEDEN.containsKey(row.code())) {
                population = DRECHTSTEDEN.get(row.code()).population();
            }
            else if (SYNTHETIC_NAME.matcher(row.name()).matches()) {
                syntheticRank++;
                population = 930_000 * Math.pow(syntheticRank, -0.65) * (0.85 + 0.3 * random.nextDouble());
            }
            else {
                population = UNKNOWN_POPULATION;
            }
            targets.add(new Target(row.id(), row.code(), row.name(), List.copyOf(ofMunicipality), population));
        }
        return targets;
    }

    /**
     * How many of {@code persons} each municipality gets, in the order of
     * {@code targets}: Sliedrecht its minimum (when its share would be smaller), the rest
     * in proportion to population by largest remainder, so the counts add up exactly.
     */
    static int[] allocate(List<Target> targets, int persons) {
        int[] counts = new int[targets.size()];
        int sliedrecht = -1;
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).code().equals(SLIEDRECHT)) {
                sliedrecht = i;
            }
        }
        int reserved = 0;
        double total = targets.stream().mapToDouble(Target::population).sum();
        if (sliedrecht >= 0) {
            int minimum = Math.min(SLIEDRECHT_MINIMUM, persons / 4);
            if (persons * targets.get(sliedrecht).population() / total < minimum) {
                reserved = minimum;
                counts[sliedrecht] = minimum;
                total -= targets.get(sliedrecht).population();
            }
        }
        int rest = persons - reserved;
        double[] remainders = new double[targets.size()];
        int given = 0;
        for (int i = 0; i < targets.size(); i++) {
            if (reserved > 0 && i == sliedrecht) {
                continue;
            }
            double exact = rest * targets.get(i).population() / total;
            counts[i] = (int) exact;
            remainders[i] = exact - counts[i];
            given += counts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!(reserved > 0 && i == sliedrecht)) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int k = 0; given < rest; k = (k + 1) % order.size()) {
            counts[order.get(k)]++;
            given++;
        }
        return counts;
    }

    private static List<Row> municipalities(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select id, code, name from municipality");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
            }
        }
        return rows;
    }

    private static Map<UUID, List<UUID>> teams(Connection connection) throws SQLException {
        Map<UUID, List<UUID>> teams = new HashMap<>();
        try (PreparedStatement statement = connection
            .prepareStatement("select municipality_id, id from team order by municipality_id, name");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                teams.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>())
                    .add(rs.getObject(2, UUID.class));
            }
        }
        return teams;
    }

    private static Row insertMunicipality(Connection connection, String code, String name) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement statement = connection
            .prepareStatement("insert into municipality (id, code, name) values (?, ?, ?)")) {
            statement.setObject(1, id);
            statement.setString(2, code);
            statement.setString(3, name);
            statement.executeUpdate();
        }
        return new Row(id, code, name);
    }

    private static UUID insertTeam(Connection connection, UUID municipalityId) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement statement = connection
            .prepareStatement("insert into team (id, municipality_id, name) values (?, ?, ?)")) {
            statement.setObject(1, id);
            statement.setObject(2, municipalityId);
            statement.setString(3, TEAM_NAME);
            statement.executeUpdate();
        }
        return id;
    }

}
