package nl.meedoen.housing.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shares a national total among municipalities in proportion to their population, rounded
 * by the largest-remainder (Hamilton) method: everyone gets the whole part of their exact
 * share, and the units left over go one each to the largest fractional remainders. The
 * shares add up exactly to the total. Ties go to the larger population, then to the lower
 * municipality code. Exact integer arithmetic throughout.
 */
public final class LargestRemainder {

    /** The name of the rule, as the API and the pages report it. */
    public static final String METHOD = "largest-remainder";

    private LargestRemainder() {
    }

    /**
     * Each code's share of {@code total}, by code; the populations must add up to more
     * than zero.
     */
    public static Map<String, Integer> allocate(int total, Map<String, Long> populations) {
        BigInteger sum = BigInteger.valueOf(populations.values().stream().mapToLong(Long::longValue).sum());
        if (sum.signum() <= 0 || total < 0) {
            throw new IllegalArgumentException("needs a positive population and a non-negative total");
        }
        record Exact(String code, long population, int whole, BigInteger remainder) {
        }
        List<Exact> exact = new ArrayList<>();
        long handedOut = 0;
        for (Map.Entry<String, Long> entry : populations.entrySet()) {
            BigInteger[] division = BigInteger.valueOf(total)
                .multiply(BigInteger.valueOf(entry.getValue()))
                .divideAndRemainder(sum);
            int whole = division[0].intValueExact();
            exact.add(new Exact(entry.getKey(), entry.getValue(), whole, division[1]));
            handedOut += whole;
        }
        exact.sort(Comparator.comparing(Exact::remainder)
            .reversed()
            .thenComparing(Comparator.comparingLong(Exact::population).reversed())
            .thenComparing(Exact::code));
        Map<String, Integer> shares = new TreeMap<>();
        long left = total - handedOut;
        for (Exact e : exact) {
            shares.put(e.code(), e.whole() + (left-- > 0 ? 1 : 0));
        }
        return shares;
    }

}
