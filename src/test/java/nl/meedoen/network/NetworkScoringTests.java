package nl.meedoen.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.network.internal.Factor;
import nl.meedoen.network.internal.Scoring;
import nl.meedoen.network.internal.Scoring.Profile;
import nl.meedoen.network.internal.Scoring.Scored;
import nl.meedoen.network.internal.Scoring.Weights;
import nl.meedoen.network.internal.Scoring.Wish;
import nl.meedoen.network.internal.WeekdayPart;
import nl.meedoen.residents.Gender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Scores and their explanation on small hand-made cases. */
class NetworkScoringTests {

    private static final Wish ARABIC_SPEAKER_FROM_SYRIA = new Wish(Set.of("ar"), Set.of("SY"), Set.of("koken"),
            WeekdayPart.MONDAY_MORNING.bit() | WeekdayPart.TUESDAY_MORNING.bit(), 3362, Gender.FEMALE);

    private static Profile profile(String id, String[] languages, String[] levels, String[] countries,
            String[] interests, int availability, int area, Gender gender, int active, int max) {
        return new Profile(UUID.nameUUIDFromBytes(id.getBytes()), languages, levels, countries, interests, availability,
                area, gender, active, max);
    }

    private static int points(Scored scored, Factor factor) {
        return scored.explanation().stream().filter(p -> p.factor() == factor).findFirst().orElseThrow().points();
    }

    @Test
    void sharedLanguageDominatesEverythingElse() {
        Profile speaksArabicOnly = profile("a", new String[] { "ar" }, new String[] { "NATIVE" }, new String[0],
                new String[0], 0, 9999, Gender.MALE, 0, 1);
        Profile everythingButLanguage = profile("b", new String[] { "nl" }, new String[] { "NATIVE" },
                new String[] { "SY" }, new String[] { "koken" },
                WeekdayPart.MONDAY_MORNING.bit() | WeekdayPart.TUESDAY_MORNING.bit(), 3362, Gender.FEMALE, 0, 1);

        List<Scored> best = Scoring.best(ARABIC_SPEAKER_FROM_SYRIA, List.of(everythingButLanguage, speaksArabicOnly),
                Weights.DEFAULTS, 10);

        assertThat(best).extracting(Scored::volunteerId)
            .containsExactly(speaksArabicOnly.id(), everythingButLanguage.id());
        assertThat(points(best.get(0), Factor.LANGUAGE)).isEqualTo(50);
        assertThat(best.get(0).score()).isEqualTo(55);
        assertThat(best.get(1).score()).isEqualTo(15 + 10 + 10 + 3 + 5 + 5);
    }

    @Test
    void explanationNamesEveryFactorWithItsPointsWeightAndReason() {
        Profile rahaf = profile("r", new String[] { "ar", "nl" }, new String[] { "NATIVE", "FLUENT" },
                new String[] { "SY" }, new String[] { "koken", "naaien" }, WeekdayPart.MONDAY_MORNING.bit(), 3363,
                Gender.FEMALE, 1, 2);

        Scored scored = Scoring.score(ARABIC_SPEAKER_FROM_SYRIA, rahaf, Weights.DEFAULTS);

        assertThat(scored.explanation()).extracting(Scoring.Points::factor).containsExactly(Factor.values());
        assertThat(scored.explanation()).extracting(Scoring.Points::points).containsExactly(50, 15, 7, 5, 3, 5, 3);
        assertThat(scored.explanation().get(0).because()).containsExactly("ar");
        assertThat(scored.explanation().get(2).because()).containsExactly("3363");
        assertThat(scored.explanation().get(3).because()).containsExactly("MONDAY_MORNING");
        assertThat(scored.explanation().get(6).because()).containsExactly("1/2");
        assertThat(scored.score()).isEqualTo(50 + 15 + 7 + 5 + 3 + 5 + 3);
    }

    @Test
    void aBasicLevelEarnsHalfTheLanguagePoints() {
        Profile basic = profile("b", new String[] { "ar" }, new String[] { "BASIC" }, new String[0], new String[0], 0,
                0, null, 0, 1);

        assertThat(points(Scoring.score(ARABIC_SPEAKER_FROM_SYRIA, basic, Weights.DEFAULTS), Factor.LANGUAGE))
            .isEqualTo(25);
    }

    @Test
    void distanceFollowsThePostcodeAreas() {
        int[] areas = { 3362, 3364, 3370, 3400, 0 };
        int[] expected = { 10, 7, 3, 0, 0 };
        for (int i = 0; i < areas.length; i++) {
            Profile p = profile("d" + i, new String[0], new String[0], new String[0], new String[0], 0, areas[i], null,
                    0, 1);
            assertThat(points(Scoring.score(ARABIC_SPEAKER_FROM_SYRIA, p, Weights.DEFAULTS), Factor.DISTANCE))
                .as("area %d", areas[i])
                .isEqualTo(expected[i]);
        }
    }

    @Test
    void aBusierVolunteerEarnsFewerLoadPoints() {
        Profile free = profile("f", new String[0], new String[0], new String[0], new String[0], 0, 0, null, 0, 3);
        Profile busy = profile("g", new String[0], new String[0], new String[0], new String[0], 0, 0, null, 2, 3);

        assertThat(points(Scoring.score(ARABIC_SPEAKER_FROM_SYRIA, free, Weights.DEFAULTS), Factor.LOAD)).isEqualTo(5);
        assertThat(points(Scoring.score(ARABIC_SPEAKER_FROM_SYRIA, busy, Weights.DEFAULTS), Factor.LOAD)).isEqualTo(2);
    }

    @Test
    void weightsOfTheMunicipalityChangeTheRanking() {
        Profile speaksArabicOnly = profile("a", new String[] { "ar" }, new String[] { "NATIVE" }, new String[0],
                new String[0], 0, 0, null, 0, 1);
        Profile neighbour = profile("n", new String[0], new String[0], new String[0], new String[0], 0, 3362, null, 0,
                1);
        Weights distanceFirst = new Weights(10, 0, 60, 0, 0, 0, 0);

        assertThat(Scoring.best(ARABIC_SPEAKER_FROM_SYRIA, List.of(speaksArabicOnly, neighbour), distanceFirst, 1))
            .extracting(Scored::volunteerId)
            .containsExactly(neighbour.id());
    }

    @Test
    void bestKeepsTheTopInOrderAndMatchesAFullSort() {
        List<Profile> many = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        String[] languages = { "ar", "ti", "nl", "fa", "so" };
        for (int i = 0; i < 2000; i++) {
            many.add(profile("p" + i, new String[] { languages[random.nextInt(5)] }, new String[] { "FLUENT" },
                    new String[] { random.nextBoolean() ? "SY" : "ER" }, new String[0], random.nextInt(1 << 21),
                    3360 + random.nextInt(10), null, random.nextInt(2), 2));
        }
        List<Scored> top = Scoring.best(ARABIC_SPEAKER_FROM_SYRIA, many, Weights.DEFAULTS, 10);
        List<Scored> sorted = many.stream()
            .map(p -> Scoring.score(ARABIC_SPEAKER_FROM_SYRIA, p, Weights.DEFAULTS))
            .sorted(java.util.Comparator.comparingInt(Scored::score).reversed().thenComparing(Scored::volunteerId))
            .limit(10)
            .toList();

        assertThat(top).isEqualTo(sorted);
    }

    @Test
    void lifecycleAllowsOnlyTheNextStepOrEnding() {
        assertThat(MatchStatus.PROPOSED.mayMoveTo(MatchStatus.INTRODUCED)).isTrue();
        assertThat(MatchStatus.PROPOSED.mayMoveTo(MatchStatus.ACTIVE)).isFalse();
        assertThat(MatchStatus.INTRODUCED.mayMoveTo(MatchStatus.ACTIVE)).isTrue();
        assertThat(MatchStatus.ACTIVE.mayMoveTo(MatchStatus.INTRODUCED)).isFalse();
        assertThat(MatchStatus.ACTIVE.mayMoveTo(MatchStatus.ENDED)).isTrue();
        assertThat(MatchStatus.ENDED.mayMoveTo(MatchStatus.ACTIVE)).isFalse();
    }

}
