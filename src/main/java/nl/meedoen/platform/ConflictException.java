package nl.meedoen.platform;

/**
 * A request that clashes with the current state (a duplicate, an illegal transition).
 * Answers 409 with the localised message under {@code messageKey}.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;

    private final Object[] arguments;

    public ConflictException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

}
