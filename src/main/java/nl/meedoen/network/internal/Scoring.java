package nl.meedoen.network.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.residents.Gender;
import org.jspecify.annotations.Nullable;

/**
 * Scores volunteers against a match request, factor by factor, each factor earning up to
 * its weight. The exclusions (no valid certificate of conduct, at maximum load, without
 * the role) happen before scoring: a volunteer scored here is eligible.
 */
public final class Scoring {

    /** The weights per factor: the most points each factor can earn. */
    public record Weights(int language, int background, int distance, int availability, int interests, int preference,
            int load) {

        /**
         * Shared language counts most; together the other factors weigh as much as
         * language alone.
         */
        public static final Weights DEFAULTS = new Weights(50, 15, 10, 10, 5, 5, 5);

        int of(Factor factor) {
            return switch (factor) {
                case LANGUAGE -> language;
                case BACKGROUND -> background;
                case DISTANCE -> distance;
                case AVAILABILITY -> availability;
                case INTERESTS -> interests;
                case PREFERENCE -> preference;
                case LOAD -> load;
            };
        }

        public Map<Factor, Integer> asMap() {
            Map<Factor, Integer> map = new EnumMap<>(Factor.class);
            for (Factor factor : Factor.values()) {
                map.put(factor, of(factor));
            }
            return map;
        }
    }

    /**
     * What the request asks for. Sets hold lower-case interests and ISO codes as stored.
     */
    public record Wish(Set<String> languages, Set<String> countries, Set<String> interests, int availability,
            int postcodeArea, @Nullable Gender preferredGender) {
    }

    /** An eligible volunteer as the scoring needs it: compact, one row each. */
    public record Profile(UUID id, String[] languages, String[] levels, String[] countries, String[] interests,
            int availability, int postcodeArea, @Nullable Gender gender, int activeMatches, int maxMatches) {
    }

    /**
     * The points of one factor, with what earned them: the shared languages, countries or
     * interests, the postcode areas, the weekday parts in common, or the load as
     * "active/maximum".
     */
    public record Points(Factor factor, int points, int weight, List<String> because) {
    }

    /** A volunteer's score (the sum of the points) with its explanation per factor. */
    public record Scored(UUID volunteerId, int score, List<Points> explanation) {
    }

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingInt(Scored::score)
        .reversed()
        .thenComparing(Scored::volunteerId);

    private Scoring() {
    }

    /**
     * The best {@code limit} profiles, best first (ties broken by id so the order is
     * stable).
     */
    public static List<Scored> best(Wish wish, List<Profile> profiles, Weights weights, int limit) {
        PriorityQueue<Scored> worstFirst = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
        for (Profile profile : profiles) {
            int total = total(wish, profile, weights);
            if (worstFirst.size() == limit) {
                Scored worst = worstFirst.peek();
                if (total < worst.score()
                        || (total == worst.score() && profile.id().compareTo(worst.volunteerId()) > 0)) {
                    continue;
                }
            }
            worstFirst.add(new Scored(profile.id(), total, List.of()));
            if (worstFirst.size() > limit) {
                worstFirst.poll();
            }
        }
        Set<UUID> chosen = new HashSet<>();
        worstFirst.forEach(s -> chosen.add(s.volunteerId()));
        Map<UUID, Profile> byId = new HashMap<>();
        for (Profile profile : profiles) {
            if (chosen.contains(profile.id())) {
                byId.put(profile.id(), profile);
            }
        }
        List<Scored> best = new ArrayList<>(worstFirst.size());
        for (Scored s : worstFirst) {
            best.add(score(wish, byId.get(s.volunteerId()), weights));
        }
        best.sort(BEST_FIRST);
        return best;
    }

    /** The total without building the explanation: the same sum as {@link #score}. */
    static int total(Wish wish, Profile profile, Weights weights) {
        int total = 0;
        for (Factor factor : Factor.values()) {
            total += points(factor, wish, profile, weights, null);
        }
        return total;
    }

    /** A profile's score with the explanation per factor, in factor order. */
    public static Scored score(Wish wish, Profile profile, Weights weights) {
        List<Points> explanation = new ArrayList<>(Factor.values().length);
        int total = 0;
        for (Factor factor : Factor.values()) {
            List<String> because = new ArrayList<>();
            int points = points(factor, wish, profile, weights, because);
            explanation.add(new Points(factor, points, weights.of(factor), List.copyOf(because)));
            total += points;
        }
        return new Scored(profile.id(), total, List.copyOf(explanation));
    }

    private static int points(Factor factor, Wish wish, Profile p, Weights weights, @Nullable List<String> because) {
        int weight = weights.of(factor);
        return switch (factor) {
            case LANGUAGE -> language(wish, p, weight, because);
            case BACKGROUND -> shared(wish.countries(), p.countries(), because) > 0 ? weight : 0;
            case DISTANCE -> distance(wish.postcodeArea(), p.postcodeArea(), weight, because);
            case AVAILABILITY -> availability(wish.availability(), p.availability(), weight, because);
            case INTERESTS -> {
                int shared = shared(wish.interests(), p.interests(), because);
                yield (int) Math.round(weight * Math.min(shared, 2) / 2.0);
            }
            case PREFERENCE -> {
                if (wish.preferredGender() != null && wish.preferredGender() == p.gender()) {
                    if (because != null) {
                        because.add(p.gender().name());
                    }
                    yield weight;
                }
                yield 0;
            }
            case LOAD -> {
                if (because != null) {
                    because.add(p.activeMatches() + "/" + p.maxMatches());
                }
                yield (int) Math.round(weight * (p.maxMatches() - p.activeMatches()) / (double) p.maxMatches());
            }
        };
    }

    /**
     * One shared language is enough to talk: the best level among the shared languages
     * counts.
     */
    static int language(Wish wish, Profile p, int weight, @Nullable List<String> because) {
        double best = 0;
        for (int i = 0; i < p.languages().length; i++) {
            if (wish.languages().contains(p.languages()[i])) {
                double share = LanguageLevel.valueOf(p.levels()[i]).share();
                best = Math.max(best, share);
                if (because != null) {
                    because.add(p.languages()[i]);
                }
            }
        }
        return (int) Math.round(weight * best);
    }

    /**
     * Postcode areas (the four digits) close together: the same area earns everything, a
     * neighbouring area (up to 3 apart) two thirds, up to 10 apart one third.
     */
    static int distance(int wanted, int offered, int weight, @Nullable List<String> because) {
        if (wanted == 0 || offered == 0) {
            return 0;
        }
        int apart = Math.abs(wanted - offered);
        if (because != null) {
            because.add(String.valueOf(offered));
        }
        if (apart == 0) {
            return weight;
        }
        if (apart <= 3) {
            return (int) Math.round(weight * 2 / 3.0);
        }
        if (apart <= 10) {
            return (int) Math.round(weight / 3.0);
        }
        return 0;
    }

    /** The share of the weekday parts asked for that the volunteer is available in. */
    static int availability(int wanted, int offered, int weight, @Nullable List<String> because) {
        if (wanted == 0) {
            return 0;
        }
        int common = wanted & offered;
        if (because != null) {
            WeekdayPart.of(common).forEach(part -> because.add(part.name()));
        }
        return (int) Math.round(weight * Integer.bitCount(common) / (double) Integer.bitCount(wanted));
    }

    private static int shared(Set<String> wanted, String[] offered, @Nullable List<String> because) {
        int shared = 0;
        for (String value : offered) {
            if (wanted.contains(value)) {
                shared++;
                if (because != null) {
                    because.add(value);
                }
            }
        }
        return shared;
    }

}
