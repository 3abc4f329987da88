package nl.meedoen.platform;

/**
 * Someone else changed the record since it was read (optimistic locking). Answers 412 on
 * the API.
 */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException() {
        super("stale version");
    }

}
