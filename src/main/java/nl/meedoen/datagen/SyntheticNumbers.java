package nl.meedoen.datagen;

import java.util.BitSet;

import nl.meedoen.residents.Elfproef;

/**
 * BSNs and V-numbers from ranges kept for synthetic data, handed out in ascending order
 * so that each is unique in the whole dataset, and so per municipality too. BSNs run from
 * {@value #FIRST_BSN} and pass the elfproef; V-numbers run from {@value #FIRST_V_NUMBER}.
 * Numbers already stored (by the demo setup or an earlier run) are marked taken and
 * skipped.
 */
final class SyntheticNumbers {

    static final long FIRST_BSN = 900_000_000L;

    static final long LAST_BSN = 989_999_999L;

    static final long FIRST_V_NUMBER = 9_900_000_000L;

    static final long LAST_V_NUMBER = 9_989_999_999L;

    private final BitSet takenBsns = new BitSet();

    private final BitSet takenVNumbers = new BitSet();

    /** The eight leading digits of the next BSN to try. */
    private long bsnPrefix = FIRST_BSN / 10;

    private long vNumber = FIRST_V_NUMBER;

    /** Marks a stored BSN as taken; numbers outside the synthetic range are ignored. */
    void bsnTaken(long bsn) {
        if (bsn >= FIRST_BSN && bsn <= LAST_BSN) {
            takenBsns.set((int) (bsn - FIRST_BSN));
        }
    }

    /**
     * Marks a stored V-number as taken; numbers outside the synthetic range are ignored.
     */
    void vNumberTaken(long number) {
        if (number >= FIRST_V_NUMBER && number <= LAST_V_NUMBER) {
            takenVNumbers.set((int) (number - FIRST_V_NUMBER));
        }
    }

    /**
     * The next BSN. For each eight leading digits exactly one ninth digit 0–10 satisfies
     * the elfproef; when it is 10 there is no BSN with those leading digits, so about one
     * prefix in eleven is skipped.
     */
    String nextBsn() {
        while (true) {
            long prefix = bsnPrefix++;
            int sum = 0;
            long rest = prefix;
            for (int weight = 2; weight <= 9; weight++) {
                sum += weight * (int) (rest % 10);
                rest /= 10;
            }
            int check = sum % 11;
            long bsn = prefix * 10 + check;
            if (bsn > LAST_BSN) {
                throw new IllegalStateException("The synthetic BSN range is used up");
            }
            if (check < 10 && !takenBsns.get((int) (bsn - FIRST_BSN))) {
                String digits = Long.toString(bsn);
                if (Elfproef.holds(digits)) {
                    return digits;
                }
            }
        }
    }

    String nextVNumber() {
        while (takenVNumbers.get((int) (vNumber - FIRST_V_NUMBER))) {
            vNumber++;
        }
        if (vNumber > LAST_V_NUMBER) {
            throw new IllegalStateException("The synthetic V-number range is used up");
        }
        return Long.toString(vNumber++);
    }

}
