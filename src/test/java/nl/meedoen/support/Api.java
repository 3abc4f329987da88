package nl.meedoen.support;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Calls the JSON API as one of the demo users (HTTP Basic, password {@code demo}). */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;

    private final String user;

    private Api(MockMvc mvc, String user) {
        this.mvc = mvc;
        this.user = user;
    }

    public static Api as(MockMvc mvc, String user) {
        return new Api(mvc, user);
    }

    public Response get(String path) {
        return perform(MvcGet.of(path));
    }

    public Response getIn(String path, String language) {
        return perform(MvcGet.of(path).header(HttpHeaders.ACCEPT_LANGUAGE, language));
    }

    public Response post(String path, Object body) {
        return perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    /** A POST that names the version it changes ({@code If-Match}; none when null). */
    public Response post(String path, Object body, String ifMatch) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json(body));
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return perform(request);
    }

    /** The ETag a GET of {@code path} answers: the version to send back. */
    public String etag(String path) {
        return get(path).header(HttpHeaders.ETAG);
    }

    public Response postRaw(String path, String body, MediaType type, String language) {
        return perform(MockMvcRequestBuilders.post(path)
            .contentType(type)
            .content(body)
            .header(HttpHeaders.ACCEPT_LANGUAGE, language));
    }

    public Response put(String path, Object body, String ifMatch) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.put(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json(body));
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return perform(request);
    }

    public Response perform(MockHttpServletRequestBuilder request) {
        try {
            MockHttpServletResponse response = mvc.perform(request.with(httpBasic(user, "demo")))
                .andReturn()
                .getResponse();
            return new Response(response);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    /** A response with its JSON body at hand. */
    public record Response(MockHttpServletResponse raw) {

        public int status() {
            return raw.getStatus();
        }

        public JsonNode body() {
            try {
                String content = raw.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
                return content.isEmpty() ? JSON.createObjectNode() : JSON.readTree(content);
            }
            catch (java.io.UnsupportedEncodingException ex) {
                throw new IllegalStateException(ex);
            }
        }

        public String header(String name) {
            return raw.getHeader(name);
        }

        public String contentType() {
            return raw.getContentType();
        }
    }

    private static final class MvcGet {

        static MockHttpServletRequestBuilder of(String path) {
            return MockMvcRequestBuilders.get(path)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        }

    }

    /** A valid person body with a unique, elfproef-passing BSN. */
    public static Map<String, Object> person(String givenName, String familyName) {
        return new java.util.HashMap<>(Map.of("givenName", givenName, "familyName", familyName, "dateOfBirth",
                "1988-04-12", "category", "PERMIT_HOLDER", "bsn", TestBsns.next(), "countryOfBirth", "SY", "languages",
                java.util.List.of("ar", "ku")));
    }

}
