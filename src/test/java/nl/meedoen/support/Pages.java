package nl.meedoen.support;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/**
 * Uses the pages as a person does: logs in through the login form and sends requests in
 * that session.
 */
public final class Pages {

    private final MockMvc mvc;

    private final MockHttpSession session;

    private Pages(MockMvc mvc, MockHttpSession session) {
        this.mvc = mvc;
        this.session = session;
    }

    /** Logs in as one of the demo users (password {@code demo}). */
    public static Pages as(MockMvc mvc, String user) {
        return as(mvc, user, "demo");
    }

    public static Pages as(MockMvc mvc, String user, String password) {
        try {
            MockHttpSession session = (MockHttpSession) mvc
                .perform(formLogin("/inloggen").user(user).password(password))
                .andReturn()
                .getRequest()
                .getSession(false);
            return new Pages(mvc, session);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    public MockHttpSession session() {
        return session;
    }

    public MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.session(session)).andReturn().getResponse();
    }

}
