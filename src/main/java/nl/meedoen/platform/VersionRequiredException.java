package nl.meedoen.platform;

/**
 * An update without {@code If-Match}: the client must say which version it changes.
 * Answers 428.
 */
public class VersionRequiredException extends RuntimeException {

    public VersionRequiredException() {
        super("If-Match required");
    }

}
