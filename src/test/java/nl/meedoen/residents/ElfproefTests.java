package nl.meedoen.residents;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** The eleven test, as properties over generated numbers. */
class ElfproefTests {

    @Property
    void holdsExactlyWhenTheWeightedSumIsPositiveAndDivisibleByEleven(@ForAll("nineDigits") String digits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        sum -= digits.charAt(8) - '0';

        assertThat(Elfproef.holds(digits)).isEqualTo(sum > 0 && sum % 11 == 0);
    }

    @Property
    void everyEightDigitPrefixHasAtMostOneValidCheckDigit(@ForAll("eightDigits") String prefix) {
        long valid = java.util.stream.IntStream.rangeClosed(0, 9)
            .filter(check -> Elfproef.holds(prefix + check))
            .count();

        assertThat(valid).isLessThanOrEqualTo(1);
    }

    @Property
    void changingOneDigitOfAValidNumberIsAlwaysDetected(@ForAll("validBsns") String bsn,
            @ForAll @IntRange(min = 0, max = 8) int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
        char changed = (char) ('0' + (bsn.charAt(position) - '0' + delta) % 10);
        String mistyped = bsn.substring(0, position) + changed + bsn.substring(position + 1);

        assertThat(Elfproef.holds(mistyped)).isFalse();
    }

    @Property
    void swappingTwoDifferentNeighboursIsAlwaysDetected(@ForAll("validBsns") String bsn,
            @ForAll @IntRange(min = 0, max = 7) int position) {
        Assume.that(bsn.charAt(position) != bsn.charAt(position + 1));
        String swapped = bsn.substring(0, position) + bsn.charAt(position + 1) + bsn.charAt(position)
                + bsn.substring(position + 2);

        assertThat(Elfproef.holds(swapped)).isFalse();
    }

    @Property
    void anythingButNineDigitsFails(@ForAll("notNineDigits") String input) {
        assertThat(Elfproef.holds(input)).isFalse();
    }

    @Property
    void anEightDigitNumberIsPaddedWithALeadingZero(@ForAll("eightDigits") String digits) {
        assertThat(Bsn.normalise(digits)).isEqualTo("0" + digits);
        assertThat(Bsn.normalise(" " + digits.substring(0, 4) + "." + digits.substring(4) + " "))
            .isEqualTo("0" + digits);
    }

    @Example
    void knownNumbers() {
        assertThat(Elfproef.holds("111222333")).isTrue();
        assertThat(Elfproef.holds("123456782")).isTrue();
        assertThat(Elfproef.holds("123456789")).isFalse();
        assertThat(Elfproef.holds("000000000")).isFalse();
    }

    @Example
    void aBsnNeverPrintsItselfWhole() {
        assertThat(new Bsn("123456782").toString()).doesNotContain("123456782").endsWith("6782]");
    }

    @Provide
    Arbitrary<String> nineDigits() {
        return Arbitraries.strings().numeric().ofLength(9);
    }

    @Provide
    Arbitrary<String> eightDigits() {
        return Arbitraries.strings().numeric().ofLength(8);
    }

    @Provide
    Arbitrary<String> validBsns() {
        return eightDigits().map(prefix -> {
            for (int check = 0; check <= 9; check++) {
                if (Elfproef.holds(prefix + check)) {
                    return prefix + check;
                }
            }
            return null;
        }).filter(bsn -> bsn != null);
    }

    @Provide
    Arbitrary<String> notNineDigits() {
        return Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(8),
                Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(12),
                Arbitraries.strings().alpha().ofLength(9));
    }

}
