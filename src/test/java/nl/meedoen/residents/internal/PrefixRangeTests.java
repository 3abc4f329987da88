package nl.meedoen.residents.internal;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upper bound of a name prefix, which turns the prefix search into an index range.
 */
class PrefixRangeTests {

    @Test
    void raisesTheLastCharacter() {
        assertThat(Persons.afterPrefix("al")).isEqualTo("am");
        assertThat(Persons.afterPrefix("haddad")).isEqualTo("haddae");
        assertThat(Persons.afterPrefix("z")).isEqualTo("{");
    }

    @Test
    void liesAboveEveryWordWithThePrefixAndAtTheNextPrefix() {
        String upper = Persons.afterPrefix("ozt");
        for (String token : new String[] { "ozt", "ozturk", "ozt\uffff", "ozt\ud83d\ude00" }) {
            assertThat(inCollationC(token, "ozt")).isGreaterThanOrEqualTo(0);
            assertThat(inCollationC(token, upper)).isNegative();
        }
        assertThat(inCollationC("ozu", upper)).isZero();
    }

    @Test
    void handlesCharactersOutsideTheBasicPlaneAndTheEnd() {
        assertThat(Persons.afterPrefix("a\ud83d\ude00")).isEqualTo("a\ud83d\ude01");
        assertThat(Persons.afterPrefix("a\ud7ff")).isEqualTo("a\ue000");
        assertThat(Persons.afterPrefix("a" + Character.toString(Character.MAX_CODE_POINT))).isNull();
        assertThat(Persons.afterPrefix("")).isNull();
    }

    /**
     * Collation "C" on UTF-8 compares bytes, which is code point order (not Java's UTF-16
     * order).
     */
    private static int inCollationC(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

}
