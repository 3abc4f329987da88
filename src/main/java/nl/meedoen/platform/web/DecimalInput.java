package nl.meedoen.platform.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.format.Formatter;

/**
 * Hours and amounts on every page form as a Dutch reader types them ({@code 1,5}) or a
 * machine does ({@code 1.5}), and shown with a decimal comma in Dutch. Thousands
 * separators are refused rather than guessed: {@code 1.500} could be either.
 */
final class DecimalInput implements Formatter<BigDecimal> {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+([.,]\\d+)?");

    @Override
    public BigDecimal parse(String text, Locale locale) throws ParseException {
        String value = text.strip();
        if (!DECIMAL.matcher(value).matches()) {
            throw new ParseException(text, 0);
        }
        return new BigDecimal(value.replace(',', '.'));
    }

    @Override
    public String print(BigDecimal value, Locale locale) {
        String plain = value.stripTrailingZeros().toPlainString();
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? plain : plain.replace('.', ',');
    }

}
