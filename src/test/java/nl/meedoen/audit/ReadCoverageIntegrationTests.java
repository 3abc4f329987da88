package nl.meedoen.audit;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Api;
import nl.meedoen.support.DemoAddresses;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every handler that shows a person's data logs the read. The handlers come from Spring's
 * own mapping, not from a list kept by hand: a GET handler of a controller that logs
 * reads (it holds an {@link AuditLog}, or one of its handlers is marked) must be marked
 * {@link ShowsPersonData} or {@link ShowsNoPersonData}; each one marked
 * {@link ShowsPersonData} is called as a user whose role may, on demo data, and must
 * write at least one entry in the processing log.
 *
 * <p>
 * A new handler gets its annotation and, when its address has path variables or needs a
 * query to show anyone, a line in {@link #addresses}.
 */
@MeedoenIntegrationTest
class ReadCoverageIntegrationTests {

    private static final Map<String, String> USER_OF_ROLE = new LinkedHashMap<>();

    static {
        USER_OF_ROLE.put("CASEWORKER", "begeleider");
        USER_OF_ROLE.put("TEAM_LEAD", "teamleider");
        USER_OF_ROLE.put("VOLUNTEER_COORDINATOR", "coordinator");
        USER_OF_ROLE.put("PARTNER", "partner");
        USER_OF_ROLE.put("PRIVACY_OFFICER", "privacy");
        USER_OF_ROLE.put("ADMIN", "beheerder");
        USER_OF_ROLE.put("RESIDENT", "inwoner");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog log;

    @Autowired
    Municipalities municipalities;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    JdbcClient owner;

    @BeforeEach
    void setUp() {
        owner = JdbcClient.create(ownerDataSource);
    }

    @Test
    void everyGetHandlerOfAControllerThatShowsPersonDataSaysWhetherItDoes() {
        List<String> unmarked = new ArrayList<>();
        handlers().forEach((info, handler) -> {
            if (isGet(info) && showsPersonDataSomewhere(handler.getBeanType())
                    && !handler.hasMethodAnnotation(ShowsPersonData.class)
                    && !handler.hasMethodAnnotation(ShowsNoPersonData.class)) {
                unmarked.add(handler.getBeanType().getSimpleName() + " " + info.getPatternValues());
            }
        });

        assertThat(unmarked).as("GET handlers without @ShowsPersonData or @ShowsNoPersonData").isEmpty();
    }

    @Test
    void everyHandlerThatShowsPersonDataWritesAnEntry() throws Exception {
        Map<String, String> addresses = addresses();
        List<String> unlogged = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        int called = 0;
        for (var mapped : handlers().entrySet()) {
            HandlerMethod handler = mapped.getValue();
            if (!handler.hasMethodAnnotation(ShowsPersonData.class)) {
                continue;
            }
            String pattern = mapped.getKey().getPatternValues().iterator().next();
            String address = addresses.getOrDefault(pattern, pattern);
            String user = userFor(handler);
            if (address.contains("{")) {
                unreachable.add(pattern + " (no address with ids in the test)");
                continue;
            }
            long before = entriesBy(user);
            int status = call(user, address);
            called++;
            if (status != 200) {
                unreachable.add(pattern + " as " + user + " answered " + status);
            }
            else if (entriesBy(user) == before) {
                unlogged.add(pattern + " as " + user);
            }
        }

        System.out.printf("Read coverage: %d handlers that show person data called, each logged%n", called);
        assertThat(called).isGreaterThan(40);
        assertThat(unreachable).as("handlers the test could not call").isEmpty();
        assertThat(unlogged).as("handlers that showed person data without logging it").isEmpty();
    }

    /**
     * Need-to-know, swept: every handler that shows person data and every change of a
     * person (API and pages) that a caseworker may call answers 404 to a caseworker of
     * another team ({@code begeleider.oost}) on the first team's records.
     */
    @Test
    void everyPersonHandlerAnswersAnotherTeamNotFound() throws Exception {
        Map<String, String> addresses = addresses();
        String person = personWith("plan");
        Map<String, String> ids = Map.of("/api/v1/referrals/{id}", inSliedrecht("referral", "id"), "/verwijzingen/{id}",
                inSliedrecht("referral", "id"), "/api/v1/households/{id}",
                addresses.get("/api/v1/households/{id}").substring("/api/v1/households/".length()));
        List<String> open = new ArrayList<>();
        int reads = 0;
        int changes = 0;
        for (var mapped : handlers().entrySet()) {
            HandlerMethod handler = mapped.getValue();
            if (!userFor(handler).equals("begeleider")) {
                continue;
            }
            String pattern = mapped.getKey().getPatternValues().iterator().next();
            if (isGet(mapped.getKey())) {
                String address = addresses.get(pattern);
                if (!handler.hasMethodAnnotation(ShowsPersonData.class) || address == null || !pattern.contains("{")
                        && !address.contains("?persoon=") && !address.contains("?koppeling=")) {
                    continue;
                }
                reads++;
                int status = call("begeleider.oost", address);
                if (status != 404) {
                    open.add("GET " + pattern + " answered " + status);
                }
                continue;
            }
            String address = changeAddress(pattern, person, ids);
            if (address == null) {
                continue;
            }
            for (RequestMethod method : mapped.getKey().getMethodsCondition().getMethods()) {
                changes++;
                int status = change("begeleider.oost", method, address, person);
                if (status != 404) {
                    open.add(method + " " + pattern + " answered " + status);
                }
            }
        }
        System.out.println("Need-to-know sweep: " + reads + " reads and " + changes
                + " changes called as begeleider.oost on the first team's records");
        assertThat(reads).isGreaterThan(30);
        assertThat(changes).isGreaterThan(30);
        assertThat(open).as("handlers that opened another team's file").isEmpty();
    }

    /** The address of a change on a first-team record, or null when it is not one. */
    private static @org.jspecify.annotations.Nullable String changeAddress(String pattern, String person,
            Map<String, String> ids) {
        String address = null;
        for (var id : ids.entrySet()) {
            if (pattern.startsWith(id.getKey())) {
                address = pattern.replace("{id}", id.getValue());
            }
        }
        if (address == null && (pattern.startsWith("/api/v1/persons/{") || pattern.startsWith("/personen/{"))) {
            address = pattern.replaceFirst("\\{[A-Za-z]+}", person);
        }
        return address == null ? null : address.replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
    }

    private int change(String user, RequestMethod method, String address, String person) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .request(org.springframework.http.HttpMethod.valueOf(method.name()), address);
        if (address.startsWith("/api/")) {
            // Operations under another record's id read a valid body first (an empty one
            // is 400 for a
            // record that exists and one that does not alike); the record must still be
            // 404.
            String body = address.endsWith("/members") ? "{\"personId\": \"" + person + "\", \"role\": \"CHILD\"}"
                    : address.endsWith("/transitions") ? "{\"to\": \"WITHDRAWN\", \"reason\": \"Niet meer nodig\"}"
                            : "{}";
            return Api.as(mvc, user)
                .perform(request.contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .header("If-Match", "\"0\"")
                    .accept(MediaType.ALL))
                .status();
        }
        return Pages.as(mvc, user)
            .perform(request.param("version", "0")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                    .csrf()))
            .getStatus();
    }

    @Test
    void readsOfOnePersonInOneRequestWriteOneEntryPerAction() {
        String person = personWith("plan");
        UUID id = UUID.fromString(person);
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        long plan = entriesAbout(person, "PLAN_READ");
        long network = entriesAbout(person, "NETWORK_READ");

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            Tenancy.runAs(sliedrecht, () -> {
                log.read(AuditAction.PLAN_READ, id);
                log.read(AuditAction.PLAN_READ, List.of(id, id));
                log.read(AuditAction.NETWORK_READ, id);
            });
        }
        finally {
            RequestContextHolder.resetRequestAttributes();
        }
        assertThat(entriesAbout(person, "PLAN_READ")).isEqualTo(plan + 1);
        assertThat(entriesAbout(person, "NETWORK_READ")).isEqualTo(network + 1);

        Tenancy.runAs(sliedrecht, () -> log.read(AuditAction.PLAN_READ, id));
        assertThat(entriesAbout(person, "PLAN_READ")).as("a second request logs again").isEqualTo(plan + 2);
    }

    @Test
    void aSearchByNameLogsEachPersonFound() throws Exception {
        String person = personWith("plan");
        long search = entriesAbout(person, "SEARCH");
        String name = owner.sql("select family_name from person where id = cast(:p as uuid)")
            .param("p", person)
            .query(String.class)
            .single();
        call("begeleider", "/api/v1/persons?q=" + name + "&size=100");
        assertThat(entriesAbout(person, "SEARCH")).isEqualTo(search + 1);
    }

    @Test
    void theListOfAllPersonsLogsEveryPersonReturned() throws Exception {
        long before = owner.sql("select count(*) from audit_entry where actor = 'begeleider' and action = 'SEARCH'")
            .query(Long.class)
            .single();
        Api.Response page = Api.as(mvc, "begeleider").get("/api/v1/persons?q=&size=100&page=0");
        long after = owner.sql("select count(*) from audit_entry where actor = 'begeleider' and action = 'SEARCH'")
            .query(Long.class)
            .single();

        assertThat(page.body().get("items")).hasSize(100);
        assertThat(after - before).isEqualTo(100);
    }

    /** The addresses to call, for the handlers whose pattern needs ids or a query. */
    private Map<String, String> addresses() {
        return DemoAddresses.of(mvc, ownerDataSource);
    }

    private Map<RequestMappingInfo, HandlerMethod> handlers() {
        Map<RequestMappingInfo, HandlerMethod> sorted = new java.util.TreeMap<>(
                java.util.Comparator.comparing(RequestMappingInfo::toString));
        sorted.putAll(mapping.getHandlerMethods());
        return sorted;
    }

    private static boolean isGet(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
    }

    /**
     * A controller that logs reads: it holds the log or marks a handler as showing data.
     */
    private boolean showsPersonDataSomewhere(Class<?> controller) {
        for (Field field : controller.getDeclaredFields()) {
            if (AuditLog.class.isAssignableFrom(field.getType())) {
                return true;
            }
        }
        return mapping.getHandlerMethods()
            .values()
            .stream()
            .anyMatch(h -> h.getBeanType().equals(controller) && h.hasMethodAnnotation(ShowsPersonData.class));
    }

    /** A demo user with the first role the handler (or its controller) allows. */
    private static String userFor(HandlerMethod handler) {
        PreAuthorize rule = Optional
            .ofNullable(AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class))
            .orElse(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class));
        if (rule == null) {
            return "begeleider";
        }
        Matcher roles = Pattern.compile("'([A-Z_]+)'").matcher(rule.value());
        TreeSet<String> allowed = new TreeSet<>();
        while (roles.find()) {
            allowed.add(roles.group(1));
        }
        return USER_OF_ROLE.entrySet()
            .stream()
            .filter(e -> allowed.contains(e.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("begeleider");
    }

    private int call(String user, String address) throws Exception {
        if (address.startsWith("/api/")) {
            return Api.as(mvc, user).perform(get(address).accept(MediaType.ALL)).status();
        }
        return Pages.as(mvc, user).perform(get(address)).getStatus();
    }

    private long entriesBy(String user) {
        return owner.sql("select count(*) from audit_entry where actor = :a")
            .param("a", user)
            .query(Long.class)
            .single();
    }

    private long entriesAbout(String person, String action) {
        return owner.sql("select count(*) from audit_entry where person_id = cast(:p as uuid) and action = :a")
            .param("p", person)
            .param("a", action)
            .query(Long.class)
            .single();
    }

    /** A Sliedrecht person with a row in the table, the first by id. */
    private String personWith(String table) {
        return DemoAddresses.personWith(owner, table);
    }

    /**
     * A row of a Sliedrecht person of the first team (begeleider's), the first by the
     * column.
     */
    private String inSliedrecht(String table, String column) {
        return DemoAddresses.inSliedrecht(owner, table, column);
    }

}
