package nl.meedoen.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to an account: an administrator's action on it or a security
 * event of its login. Published synchronously in the transaction that makes the change,
 * so the processing log (module {@code audit}) stores its entry together with the change
 * or not at all. The subject is the account, never a person.
 *
 * @param kind what happened
 * @param municipalityId the account's municipality, whose processing log keeps the entry
 * @param account the account's name (for a failed login: the name that was tried)
 * @param actor who did it: the administrator, the account itself, or {@code null} for the
 * system (a failed login has no one logged in)
 * @param actorRole the actor's role, or {@code null} for the system
 * @param detail what changed, e.g. {@code CASEWORKER -> TEAM_LEAD} or
 * {@code 5 failures from 198.51.100.7}
 */
public record AccountEvent(Kind kind, UUID municipalityId, String account, @Nullable String actor,
        @Nullable String actorRole, String detail) {

    /** The kinds, each either account administration or a security event. */
    public enum Kind {

        /** An administrator created the account (with a one-time password). */
        CREATED(true),
        /** An administrator changed its name, team or partner organisation. */
        CHANGED(true),
        /** An administrator gave the account another role. */
        ROLE_CHANGED(true),
        /** An administrator reset its password to a one-time password. */
        PASSWORD_RESET(true),
        /** An administrator disabled the account. */
        DISABLED(true),
        /** An administrator enabled the account again. */
        ENABLED(true),
        /** A role that reads files waits for a second administrator or team lead. */
        APPROVAL_REQUESTED(true),
        /** The second administrator or team lead approved the waiting role. */
        APPROVED(true),
        /** The second administrator or team lead declined the waiting role. */
        DECLINED(true),
        /** The account logged in with its password. */
        LOGIN_SUCCEEDED(false),
        /**
         * The first failed login of the account in the throttle's window (later ones are
         * counted into the block that follows).
         */
        LOGIN_FAILED(false),
        /** Failed logins blocked the account name or the client address for a while. */
        LOGIN_BLOCKED(false),
        /** The account logged in through the municipality's identity provider. */
        SSO_LOGIN(false),
        /**
         * The identity provider's login was refused: no recognised role, a disabled
         * account.
         */
        SSO_REFUSED(false);

        private final boolean administration;

        Kind(boolean administration) {
            this.administration = administration;
        }

        /** Account administration by an administrator, as opposed to a login event. */
        public boolean isAdministration() {
            return administration;
        }

    }

}
