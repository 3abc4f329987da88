package nl.meedoen.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API operation that changes an existing record takes the version the caller read:
 * each PUT, PATCH and DELETE, and each POST on an existing record (a path ending in a
 * sub-resource of an id) declares {@link IfMatch}. The operations come from Spring's own
 * mapping, so a new one without it fails here. A POST that only creates or appends (a new
 * session, a new match request) says so below; each module's lost-update tests prove that
 * a stale version answers 412. The page forms are held to the same rule: every page POST
 * that changes an existing record carries the version its form was opened on (a hidden
 * {@code version} or {@code lock} field), and the module's page tests show the stale form
 * coming back with "someone else changed this".
 */
@MeedoenIntegrationTest
class LostUpdateCoverageIntegrationTests {

    /**
     * POSTs under an id that create or append a record of their own, with nothing to
     * overwrite.
     */
    private static final Set<String> CREATES = Set.of("POST /api/v1/matches/buddy/{id}/log",
            "POST /api/v1/persons/{id}/shares", "POST /api/v1/persons/{personId}/contacts",
            "POST /api/v1/persons/{personId}/match-requests", "POST /api/v1/persons/{personId}/guidance",
            "POST /api/v1/persons/{personId}/guidance/extension-requests",
            "POST /api/v1/persons/{personId}/intake/appointments",
            "POST /api/v1/persons/{personId}/integration-duty/exam-results",
            "POST /api/v1/persons/{personId}/exemptions",
            "POST /api/v1/persons/{personId}/participation-declaration/sessions",
            "POST /api/v1/persons/{personId}/reviews", "POST /api/v1/persons/{personId}/language-levels",
            "POST /api/v1/persons/{personId}/lesson-hours", "POST /api/v1/persons/{personId}/fines",
            "POST /api/v1/persons/{personId}/transfers",
            // A new activation letter; it replaces the earlier ones whatever their state.
            "POST /api/v1/persons/{id}/activation-letters",
            // A resident's new wish or question to a goal of the own plan.
            "POST /api/v1/my/goals/{id}/questions",
            // A new message in the exchange with the resident.
            "POST /api/v1/persons/{id}/messages",
            // Withdrawing a consent is final and idempotent: there is no later state to
            // overwrite.
            "POST /api/v1/my/consents/{id}/withdrawal",
            // Revoking a token is final and idempotent: there is no later state to
            // overwrite.
            "DELETE /api/v1/tokens/{id}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyChangeOfAnExistingRecordThroughTheApiTakesTheVersion() {
        List<String> withoutVersion = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapped : mapping.getHandlerMethods().entrySet()) {
            for (String pattern : mapped.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : mapped.getKey().getMethodsCondition().getMethods()) {
                    String operation = method + " " + pattern;
                    if (!changesAnExistingRecord(method, pattern) || CREATES.contains(operation)) {
                        continue;
                    }
                    changes.add(operation);
                    if (!takesIfMatch(mapped.getValue())) {
                        withoutVersion.add(operation);
                    }
                }
            }
        }

        assertThat(changes).hasSizeGreaterThan(25)
            .contains("PUT /api/v1/persons/{personId}/integration-duty",
                    "PUT /api/v1/persons/{personId}/integration-duty/progress",
                    "PUT /api/v1/persons/{personId}/participation-declaration",
                    "PUT /api/v1/persons/{personId}/trajectory-caseworker", "PUT /api/v1/referrals/{id}/basis",
                    "POST /api/v1/households/{id}/members", "DELETE /api/v1/households/{id}/members/{personId}",
                    "PUT /api/v1/housing-quota/{period}", "POST /api/v1/matches/buddy/{id}/status",
                    "POST /api/v1/persons/{personId}/guidance/extension-requests/{requestId}/approval",
                    "POST /api/v1/persons/{personId}/guidance/extension-requests/{requestId}/rejection",
                    "POST /api/v1/persons/{personId}/guidance/closing",
                    "POST /api/v1/persons/{personId}/intake/appointments/{appointmentId}/outcome",
                    "POST /api/v1/persons/{personId}/integration-duty/plan",
                    "POST /api/v1/persons/{personId}/integration-duty/route-switch",
                    "POST /api/v1/persons/{personId}/integration-duty/step-down",
                    "PUT /api/v1/persons/{personId}/plan/goals/{goalId}/status",
                    "PUT /api/v1/persons/{personId}/plan/actions/{actionId}/done",
                    "POST /api/v1/persons/{personId}/plan/adoption");
        assertThat(withoutVersion).as("changes of an existing record without If-Match").isEmpty();
        System.out.printf("Lost updates: %d API changes of an existing record take If-Match%n", changes.size());
    }

    /**
     * Page forms that create or append a record of their own, start something new, or
     * change no record a second person could have changed since the form was opened: they
     * need no version. Every other page POST changes an existing record and must carry
     * the version its form was opened on.
     */
    private static final Map<String, String> PAGE_FORMS_WITHOUT_VERSION = Map.ofEntries(
            Map.entry("/personen", "registers a new person"),
            Map.entry("/personen/{id}/huishouden", "starts a new household"),
            Map.entry("/personen/{id}/verwijzingen", "drafts a new referral"),
            Map.entry("/personen/{id}/mijn-meedoen/berichten", "sends a new message to the resident"),
            Map.entry("/personen/{id}/traject/begeleiding", "starts the guidance (409 once started)"),
            Map.entry("/personen/{id}/traject/verlenging", "requests an extension (one pending at a time, 409)"),
            Map.entry("/personen/{id}/traject/intake/afspraak", "invites to a new appointment (one open, 409)"),
            Map.entry("/personen/{id}/traject/leerroute/examen", "records a new exam result"),
            Map.entry("/personen/{id}/traject/leerroute/ontheffing", "records a new DUO decision"),
            Map.entry("/personen/{id}/traject/pvt/bijeenkomst", "records a new PVT session"),
            Map.entry("/personen/{id}/traject/boetes", "proposes a new fine"),
            Map.entry("/personen/{id}/traject/verhuizing", "offers a new transfer"),
            Map.entry("/personen/{id}/plan/gesprekken", "records a new progress review"),
            Map.entry("/personen/{id}/plan/taal", "records a new language assessment"),
            Map.entry("/personen/{id}/plan/lesuren", "records new lesson hours"),
            Map.entry("/personen/{id}/plan/inkomen", "starts a new income period"),
            Map.entry("/personen/{id}/plan/wegwijs", "ticks places known from a day, kept per place"),
            Map.entry("/personen/{id}/netwerk/verzoek", "files a new match request"),
            Map.entry("/personen/{id}/netwerk/contact", "adds a contact"),
            Map.entry("/netwerk/verzoeken/{id}/voorstellen", "proposes a new buddy match (open request only, 409)"),
            Map.entry("/netwerk/koppelingen/{id}/logboek", "appends a meeting to the match's log"),
            Map.entry("/huisvesting/koppelingen", "makes a new COA match"),
            Map.entry("/huisvesting/koppellijst",
                    "stores a new preview of a COA match list; the confirmation checks the versions the preview saw"),
            Map.entry("/partner/meldingen",
                    "stores a new preview of a partner's report file; the confirmation carries the upload's version"),
            Map.entry("/huisvesting/plaatsingen", "records a new placement"),
            Map.entry("/huisvesting/prognose", "computes a forecast; stores nothing"),
            Map.entry("/huisvesting/prognose/inwoners", "imports population figures as a new set"),
            Map.entry("/sociale-kaart/beheer/organisaties", "registers a new partner organisation"),
            Map.entry("/sociale-kaart/beheer/import", "imports provisions as new records"),
            Map.entry("/signalen/meldingen", "files a new outreach report"),
            Map.entry("/personen/{id}/delen", "shares the file with a team as a new share"),
            // Searches posted so that a BSN or V-number stays out of the address: they
            // answer a page and change nothing.
            Map.entry("/personen/zoeken", "searches persons; stores nothing"),
            Map.entry("/personen/{id}/huishouden/zoeken", "searches persons to add to the household; stores nothing"),
            Map.entry("/personen/{id}/brp", "looks the person up in the population register; stores nothing"),
            // A button that sets one state to the value it names, and overwrites nothing
            // else: pressed twice or after another person, the outcome is the same.
            Map.entry("/netwerk/verzoeken/{id}/intrekken", "withdraws an open request (409 once not open)"),
            Map.entry("/personen/{id}/netwerk/contact/{contactId}/beeindigen", "ends a contact, once"),
            Map.entry("/netwerk/vrijwilligers/{id}/actief", "sets the volunteer active or not, as the button says"),
            Map.entry("/sociale-kaart/beheer/{id}/actief", "sets the provision active or not, as the button says"),
            Map.entry("/personen/{id}/activeringsbrief", "prints a new activation letter, replacing the earlier ones"));

    @Test
    void everyPageFormThatChangesAnExistingRecordCarriesItsVersion() {
        List<String> withoutVersion = new ArrayList<>();
        List<String> versioned = new ArrayList<>();
        List<String> listedButVersioned = new ArrayList<>();
        List<String> pagePosts = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapped : mapping.getHandlerMethods().entrySet()) {
            if (!mapped.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            for (String pattern : mapped.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/") || !(pattern.startsWith("/personen") || pattern.startsWith("/traject")
                        || pattern.startsWith("/plannen") || pattern.startsWith("/netwerk")
                        || pattern.startsWith("/huisvesting") || pattern.startsWith("/huishoudens")
                        || pattern.startsWith("/verwijzingen") || pattern.startsWith("/partner")
                        || pattern.startsWith("/sociale-kaart") || pattern.startsWith("/signalen"))) {
                    continue;
                }
                pagePosts.add(pattern);
                boolean carries = carriesVersion(mapped.getValue());
                if (carries) {
                    versioned.add(pattern);
                }
                if (PAGE_FORMS_WITHOUT_VERSION.containsKey(pattern)) {
                    if (carries) {
                        listedButVersioned.add(pattern);
                    }
                }
                else if (!carries) {
                    withoutVersion.add(pattern);
                }
            }
        }

        assertThat(versioned).hasSizeGreaterThan(30)
            .contains("/personen/{id}/traject/afsluiten", "/traject/verlengingen/{requestId}",
                    "/personen/{id}/traject/intake/uitkomst", "/personen/{id}/traject/pip",
                    "/personen/{id}/traject/leerroute/wissel", "/personen/{id}/traject/leerroute/afschalen",
                    "/netwerk/koppelingen/{id}/status", "/personen/{id}/plan/acties/{actionId}",
                    "/personen/{id}/plan/vaststellen", "/personen/{id}/plan/kinderen/{childId}",
                    "/personen/{id}/plan/werk");
        assertThat(withoutVersion).as("page forms that change an existing record without its version").isEmpty();
        System.out.printf("Lost updates: %d of %d page forms carry their version, %d listed as needing none%n",
                versioned.size(), pagePosts.size(), PAGE_FORMS_WITHOUT_VERSION.size());
        assertThat(listedButVersioned).as("listed as needing no version but carrying one").isEmpty();
        assertThat(pagePosts).as("listed page forms that are no handler any more")
            .containsAll(PAGE_FORMS_WITHOUT_VERSION.keySet());
    }

    /**
     * A page handler carries the version when it reads a {@code version} (or
     * {@code expectedVersion}) parameter, or binds a form record with a {@code version}
     * or {@code lock} component.
     */
    private static boolean carriesVersion(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name()
                        : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
                if ("version".equals(name) || "expectedVersion".equals(name)) {
                    return true;
                }
            }
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(ModelAttribute.class) && type.isRecord()
                    && Arrays.stream(type.getRecordComponents())
                        .anyMatch(c -> "version".equals(c.getName()) || "lock".equals(c.getName()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean changesAnExistingRecord(RequestMethod method, String pattern) {
        return switch (method) {
            case PUT, PATCH, DELETE -> true;
            case POST -> pattern.matches(".*\\{[^}]+\\}/.+");
            default -> false;
        };
    }

    private static boolean takesIfMatch(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == IfMatch.class);
    }

}
