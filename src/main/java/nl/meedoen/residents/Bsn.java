package nl.meedoen.residents;

import java.util.Optional;

/**
 * A burgerservicenummer: nine digits that pass the {@link Elfproef}. Never printed whole
 * in logs.
 */
public record Bsn(String value) {

    public Bsn {
        if (!Elfproef.holds(value)) {
            throw new IllegalArgumentException("not a valid BSN");
        }
    }

    /**
     * The BSN in its stored form: spaces and dots removed, an eight-digit number padded
     * with a leading zero. Returns the input unchanged (trimmed) when it cannot be a BSN,
     * so that validation can report it.
     */
    public static String normalise(String input) {
        String digits = input.strip().replace(" ", "").replace(".", "");
        return digits.matches("\\d{8}") ? "0" + digits : digits;
    }

    public static Optional<Bsn> parse(String input) {
        String normalised = normalise(input);
        return Elfproef.holds(normalised) ? Optional.of(new Bsn(normalised)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Bsn[*****" + value.substring(5) + "]";
    }
}
