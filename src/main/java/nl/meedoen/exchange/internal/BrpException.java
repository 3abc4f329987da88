package nl.meedoen.exchange.internal;

import org.jspecify.annotations.Nullable;

/**
 * The population register could not be asked or refused the question. Never carries the
 * BSN.
 */
public class BrpException extends RuntimeException {

    /** Why the lookup gave no answer. */
    public enum Kind {

        /** The lookup is not set up in this installation. */
        NOT_SET_UP,
        /** Not reachable, no answer in time, a 5xx or an answer that cannot be read. */
        UNAVAILABLE,
        /** The register refused the question as it stands (its 400). */
        REFUSED,
        /** The register refused Meedoen (401, 403) or does not know the operation. */
        NOT_AUTHORISED,
        /** Too many questions (its 429). */
        BUSY

    }

    private final Kind kind;

    private final @Nullable Integer registerStatus;

    private final @Nullable String registerTitle;

    private final @Nullable String registerCode;

    public BrpException(Kind kind, @Nullable Integer registerStatus, @Nullable String registerTitle,
            @Nullable String registerCode, @Nullable Throwable cause) {
        super("BRP lookup: " + kind + (registerStatus == null ? "" : " (" + registerStatus + ")"), cause);
        this.kind = kind;
        this.registerStatus = registerStatus;
        this.registerTitle = registerTitle;
        this.registerCode = registerCode;
    }

    public static BrpException notSetUp() {
        return new BrpException(Kind.NOT_SET_UP, null, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The register's HTTP status, when it answered. */
    public @Nullable Integer registerStatus() {
        return registerStatus;
    }

    /** The register's problem title, when it sent one. */
    public @Nullable String registerTitle() {
        return registerTitle;
    }

    /** The register's problem code ({@code paramsValidation}, {@code unauthorized}…). */
    public @Nullable String registerCode() {
        return registerCode;
    }

    /** The message key of what a caseworker is told. */
    public String messageKey() {
        return "exchange.brp.error." + kind.name();
    }

}
