package nl.meedoen.datagen;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The seeded random of the modules' facts, with the few kinds of draws they need: a
 * chance, a day between two days, an element, an id.
 */
final class Draw {

    private final SplittableRandom random;

    Draw(SplittableRandom random) {
        this.random = random;
    }

    /** True with a chance of {@code percent} in a hundred. */
    boolean chance(double percent) {
        return random.nextDouble() * 100 < percent;
    }

    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    double decimal(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /**
     * A day from {@code from} to {@code to}, both included; {@code from} if they are
     * reversed.
     */
    LocalDate day(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The index of a weight, drawn in proportion to the weights. */
    int weighted(int... weights) {
        return Origins.weighted(weights, random);
    }

    /** A version-4 UUID from the seeded random. */
    UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

}
