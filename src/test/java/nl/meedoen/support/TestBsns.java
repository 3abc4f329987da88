package nl.meedoen.support;

import java.util.concurrent.atomic.AtomicInteger;

import nl.meedoen.residents.Elfproef;

/**
 * Unique valid BSNs for tests, from a range the demo data does not use (demo BSNs start
 * with 9999).
 */
public final class TestBsns {

    private static final AtomicInteger CURSOR = new AtomicInteger(
            (int) (ProcessHandle.current().pid() % 1000) * 10_000);

    private TestBsns() {
    }

    public static String next() {
        return next("1");
    }

    /**
     * A valid BSN that starts with 0, so that its last eight digits are a valid
     * eight-digit BSN.
     */
    public static String nextWithLeadingZero() {
        return next("0");
    }

    private static String next(String first) {
        while (true) {
            String candidate = first + String.format("%08d", CURSOR.incrementAndGet() % 100_000_000);
            if (Elfproef.holds(candidate)) {
                return candidate;
            }
        }
    }

}
