package nl.meedoen.platform;

import java.util.List;

/**
 * Input that breaks a rule only the domain can check (e.g. a household with two heads).
 * Answers 400 with a localised message per field.
 */
public class InvalidInputException extends RuntimeException {

    /** One broken rule: the field (JSON name) and the key of its localised message. */
    public record FieldError(String field, String messageKey) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid input: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String messageKey) {
        this(List.of(new FieldError(field, messageKey)));
    }

    public List<FieldError> errors() {
        return errors;
    }

}
