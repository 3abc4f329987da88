package nl.meedoen.platform.web;

import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.VersionRequiredException;
import org.jspecify.annotations.Nullable;

/**
 * The record version a client says it changes, from the {@code If-Match} header. Declare
 * it as a handler parameter and Spring fills it in; a header that names no version of
 * ours ({@code "abc"}, {@code *}) answers 412 before the handler runs. Whether the header
 * may be missing is the handler's choice: {@link #required()} answers 428 without one.
 *
 * <p>
 * Versions travel as strong ETags: {@code "3"}. A weak {@code W/"3"} is accepted too.
 */
public record IfMatch(@Nullable Integer version) {

    /** The header's name. */
    public static final String HEADER = "If-Match";

    /** The ETag of a record version, as responses carry it. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** Reads a header value: absent or blank is no version; anything else must be one. */
    public static IfMatch parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return new IfMatch(null);
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            int version = Integer.parseInt(tag);
            if (version < 0) {
                throw new StaleVersionException();
            }
            return new IfMatch(version);
        }
        catch (NumberFormatException ex) {
            throw new StaleVersionException();
        }
    }

    /** Whether the client named a version. */
    public boolean present() {
        return version != null;
    }

    /** The version changed: an update must name it, 428 otherwise. */
    public int required() {
        if (version == null) {
            throw new VersionRequiredException();
        }
        return version;
    }

    /**
     * For a record that may not exist yet: {@code current} 0 means there is nothing to
     * change, so the first save needs no version; once the record exists it does.
     */
    public int requiredOnceCreated(int current) {
        if (version == null && current == 0) {
            return 0;
        }
        return required();
    }

    /** The version if the client named one, for operations where the lock is optional. */
    public @Nullable Integer optional() {
        return version;
    }

}
