package nl.meedoen.residents;

/**
 * The eleven test for a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be positive and divisible
 * by 11.
 */
public final class Elfproef {

    private Elfproef() {
    }

    /**
     * Whether nine digits pass the eleven test. Anything but exactly nine digits fails.
     */
    public static boolean holds(String digits) {
        if (digits == null || digits.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int weight = i < 8 ? 9 - i : -1;
            sum += weight * (c - '0');
        }
        return sum > 0 && sum % 11 == 0;
    }

}
