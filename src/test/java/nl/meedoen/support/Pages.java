package nl.meedoen.support;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/**
 * Uses the pages as a person does: logs in through the login form and sends requests in
 * that session.
 */
public final class Pages {

    private final MockMvc mvc;

    private final Cookie session;

    private Pages(MockMvc mvc, Cookie session) {
        this.mvc = mvc;
        this.session = session;
    }

    /** Logs in as one of the demo users (password {@code demo}). */
    public static Pages as(MockMvc mvc, String user) {
        return as(mvc, user, "demo");
    }

    public static Pages as(MockMvc mvc, String user, String password) {
        try {
            MockHttpServletResponse login = mvc.perform(formLogin("/inloggen").user(user).password(password))
                .andReturn()
                .getResponse();
            Cookie session = login.getCookie(SESSION_COOKIE);
            if (session == null) {
                throw new IllegalStateException("The login of " + user + " set no session cookie: " + login.getStatus()
                        + " " + login.getRedirectedUrl());
            }
            return new Pages(mvc, session);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The session cookie of this login: sessions live in the database (Spring Session),
     * so a request belongs to the session by its cookie, as in a browser.
     */
    public Cookie cookie() {
        return session;
    }

    public MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.cookie(session)).andReturn().getResponse();
    }

    private static final String SESSION_COOKIE = "MEEDOEN_SESSION";

}
