package nl.meedoen.identity;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The resident's login through the municipality's OpenID Connect broker for DigiD: a
 * client registration of its own ({@value #REGISTRATION}) beside the staff's single
 * sign-on, on the same mechanism. The module that knows the person files (the portal)
 * implements it, only when the broker is configured: it matches the verified identity to
 * exactly one open person file and answers that file's resident account. Identity turns
 * that account into the login and never gives this client a staff role.
 */
public interface ResidentSignOn {

    /**
     * The registration id in Meedoen's addresses ({@code /oauth2/authorization/digid},
     * {@code /login/oauth2/code/digid}).
     */
    String REGISTRATION = "digid";

    /** Meedoen's own client at the broker, found by discovery. */
    ClientRegistration registration();

    /**
     * The username of the resident's account of the one open person file the verified
     * token names, made and linked when the file has none yet.
     * @throws org.springframework.security.oauth2.core.OAuth2AuthenticationException with
     * an error code starting with {@code digid_} (the login page words it) when no file
     * or several match
     */
    String accountOf(OidcUser verified);

    /**
     * Called once the resident is logged in through the broker (the login is the current
     * user): logs the login on the person's file.
     */
    void loggedIn();

}
