package nl.meedoen.platform;

/**
 * A well-formed request that a business rule forbids to carry out as it stands (e.g.
 * sending a referral without consent or another legal basis). Answers 422 with the
 * localised message under {@code messageKey}.
 */
public class UnprocessableException extends RuntimeException {

    private final String messageKey;

    public UnprocessableException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

}
