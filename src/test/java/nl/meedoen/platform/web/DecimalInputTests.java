package nl.meedoen.platform.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalInputTests {

    private final DecimalInput input = new DecimalInput();

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Test
    void aDecimalCommaAndADecimalPointReadTheSame() throws ParseException {
        assertThat(input.parse("1,5", DUTCH)).isEqualByComparingTo("1.5");
        assertThat(input.parse(" 1.5 ", DUTCH)).isEqualByComparingTo("1.5");
        assertThat(input.parse("12", Locale.ENGLISH)).isEqualByComparingTo("12");
    }

    @Test
    void thousandsSeparatorsAndTextAreRefusedNotGuessed() {
        for (String text : new String[] { "1.500,25", "1,500.25", "anderhalf", "1,", "", "1e3" }) {
            assertThatThrownBy(() -> input.parse(text, DUTCH)).as(text).isInstanceOf(ParseException.class);
        }
    }

    @Test
    void aDutchReaderSeesADecimalCommaAndAnEnglishOneAPoint() {
        assertThat(input.print(new BigDecimal("1.50"), DUTCH)).isEqualTo("1,5");
        assertThat(input.print(new BigDecimal("1.50"), Locale.ENGLISH)).isEqualTo("1.5");
        assertThat(input.print(new BigDecimal("600"), DUTCH)).isEqualTo("600");
    }

}
