package nl.meedoen.platform;

/**
 * A record that does not exist for the current user: absent, or of another municipality
 * (the two are never told apart). Answers 404.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super("not found");
    }

}
