package nl.meedoen.platform.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every form with a date field, found by walking the pages a role reaches from its start
 * page, answers an impossible date (31 February) and a five-digit year with the form
 * itself: the typed text back in the field and a message on that field. Never a 404, a
 * 5xx, a JSON answer, a page about an incomplete form, or a save. A new form with a date
 * is covered by itself.
 */
@MeedoenIntegrationTest
class DateFieldsOnEveryFormIntegrationTests {

    private static final Pattern PERSON_FILE = Pattern.compile("/personen/[0-9a-f-]{36}(/.*)?");

    /** Pages that are files, actions or lists without forms of their own. */
    private static final Pattern NOT_A_FORM_PAGE = Pattern
        .compile(".*(\\.pdf|\\.csv|\\.xlsx|\\.json|/uitloggen|/export.*|/afdrukken)$");

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Of the pages of one kind (a signal, a volunteer, …) two are enough. */
    private static final int MOST_OF_A_KIND = 2;

    private static final int MOST_PERSONS = 3;

    private static final int MOST_PAGES = 120;

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = { "begeleider", "teamleider", "coordinator" })
    void everyDateFieldAnswersBadDatesWithTheFormAndTheTypedText(String user) throws Exception {
        Pages pages = Pages.as(mvc, user);
        List<String> failures = new ArrayList<>();
        Map<String, Element> forms = datedForms(pages);
        assertThat(forms).as("forms with a date field that %s reaches", user).isNotEmpty();

        for (Map.Entry<String, Element> found : forms.entrySet()) {
            for (String typed : List.of("2025-02-31", "20250-01-01")) {
                failures.addAll(check(pages, found.getKey(), found.getValue(), typed));
            }
        }

        assertThat(failures).as("forms of %s that lose a typed date (%d forms tried)", user, forms.size()).isEmpty();
    }

    /**
     * Every form with a field to fill in, sent with those fields emptied as a hand-made
     * request or a careless user would, answers a page of its own: the form again with
     * its messages, a page about the incomplete form, or the next page; never a 404, a
     * 5xx or JSON. Walked as the caseworker of the second demo municipality, whose data
     * no other test reads.
     */
    @Test
    void everyFormAnswersEmptiedFieldsWithAPageOfItsOwnNeverA404A500OrJson() throws Exception {
        Pages pages = Pages.as(mvc, "begeleider.dordrecht");
        Map<String, Element> forms = forms(pages,
                form -> !form.attr("action").endsWith("/uitloggen") && !form
                    .select("input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea")
                    .isEmpty());
        assertThat(forms).as("forms with fields").hasSizeGreaterThan(10);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Element> found : forms.entrySet()) {
            String action = ownPath(found.getValue().attr("abs:action"));
            String where = found.getKey();
            if (action == null) {
                action = where.substring(0, where.indexOf(" form "));
            }
            MockHttpServletRequestBuilder request = post(action).with(csrf());
            for (Element hidden : found.getValue().select("input[type=hidden][name]")) {
                if (!hidden.attr("name").equals("_csrf")) {
                    request.param(hidden.attr("name"), hidden.attr("value"));
                }
            }
            for (Element field : found.getValue().select("input[name]:not([type=hidden]), textarea[name]")) {
                if (!List.of("checkbox", "radio", "submit", "button").contains(field.attr("type"))) {
                    request.param(field.attr("name"), "");
                }
            }
            MockHttpServletResponse answer = pages.perform(request);
            String type = answer.getContentType();
            if (answer.getStatus() == 404 || answer.getStatus() >= 500) {
                failures.add(where + " (" + action + "): status " + answer.getStatus());
            }
            else if (answer.getStatus() < 300 || answer.getStatus() >= 400) {
                if (type == null || !type.startsWith("text/html")) {
                    failures.add(where + " (" + action + "): answered " + type);
                }
                else if (!answer.getContentAsString(StandardCharsets.UTF_8).contains("lang=\"nl\"")) {
                    failures.add(where + " (" + action + "): not a page of the product");
                }
            }
        }
        assertThat(failures).as("forms that answer emptied fields badly (%d forms tried)", forms.size()).isEmpty();
    }

    /** The forms with a date field, by the page they are on and their position there. */
    private Map<String, Element> datedForms(Pages pages) throws Exception {
        return forms(pages,
                form -> form.attr("method").equalsIgnoreCase("post") && !form.select("input[type=date]").isEmpty());
    }

    /** The post forms that match, by the page they are on and their position there. */
    private Map<String, Element> forms(Pages pages, java.util.function.Predicate<Element> wanted) throws Exception {
        Map<String, Element> forms = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> persons = new LinkedHashSet<>();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/personen", "/personen/nieuw"));
        while (!queue.isEmpty() && seen.size() < MOST_PAGES) {
            String path = queue.removeFirst();
            if (!seen.add(path)) {
                continue;
            }
            MockHttpServletResponse answer = pages.perform(get(path));
            String type = answer.getContentType();
            if (answer.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8), "http://localhost" + path);
            int index = 0;
            for (Element form : page.select("form")) {
                index++;
                if (form.attr("method").equalsIgnoreCase("post") && wanted.test(form)) {
                    forms.put(path + " form " + index, form);
                }
            }
            for (Element link : page.select("a[href]")) {
                String next = ownPath(link.attr("abs:href"));
                if (next == null || NOT_A_FORM_PAGE.matcher(next).matches() || seen.contains(next)) {
                    continue;
                }
                String kind = ID.matcher(next).replaceAll("{id}");
                if (!kind.startsWith("/personen/{id}") && kinds.merge(kind, 1, Integer::sum) > MOST_OF_A_KIND) {
                    continue;
                }
                if (PERSON_FILE.matcher(next).matches()) {
                    String person = next.substring(0, "/personen/".length() + 36);
                    if (!persons.contains(person) && persons.size() >= MOST_PERSONS) {
                        continue;
                    }
                    persons.add(person);
                }
                queue.addLast(next);
            }
        }
        return forms;
    }

    private static String ownPath(String address) {
        try {
            URI uri = URI.create(address);
            if (!"localhost".equals(uri.getHost()) || uri.getRawPath() == null) {
                return null;
            }
            return uri.getRawQuery() == null ? uri.getRawPath() : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private List<String> check(Pages pages, String where, Element form, String typed) throws Exception {
        String action = ownPath(form.attr("abs:action"));
        if (action == null) {
            action = where.substring(0, where.indexOf(" form "));
        }
        MockHttpServletRequestBuilder request = post(action).with(csrf());
        List<String> dates = new ArrayList<>();
        for (Element field : form.select("input[name], select[name], textarea[name]")) {
            String name = field.attr("name");
            if (name.equals("_csrf")) {
                continue;
            }
            String kind = field.attr("type");
            if (field.tagName().equals("input") && kind.equals("date")) {
                dates.add(name);
                request.param(name, typed);
            }
            else if (field.tagName().equals("select")) {
                Element chosen = field.selectFirst("option[selected]");
                if (chosen == null) {
                    chosen = field.selectFirst("option[value]:not([value=''])");
                }
                if (chosen != null) {
                    request.param(name, chosen.attr("value"));
                }
            }
            else if (kind.equals("checkbox") || kind.equals("radio")) {
                if (field.hasAttr("checked")) {
                    request.param(name, field.attr("value").isEmpty() ? "on" : field.attr("value"));
                }
            }
            else if (!kind.equals("submit") && !kind.equals("button")) {
                request.param(name, field.tagName().equals("textarea") ? field.text() : field.attr("value"));
            }
        }
        MockHttpServletResponse answer = pages.perform(request);
        String body = answer.getContentAsString(StandardCharsets.UTF_8);
        String described = where + " (" + action + ", " + typed + ")";
        List<String> failures = new ArrayList<>();
        if (answer.getStatus() != 200) {
            failures.add(described + ": status " + answer.getStatus() + " " + answer.getRedirectedUrl());
            return failures;
        }
        if (answer.getContentType() == null || !answer.getContentType().startsWith("text/html")) {
            failures.add(described + ": answered " + answer.getContentType());
            return failures;
        }
        Document page = Jsoup.parse(body);
        for (String name : dates) {
            List<Element> fields = page.getElementsByAttributeValue("name", name);
            Element field = fields.stream().filter(f -> typed.equals(f.attr("value"))).findFirst().orElse(null);
            if (fields.isEmpty()) {
                failures.add(described + ": no field " + name + " on the answer");
            }
            else if (field == null) {
                failures.add(described + ": " + name + " came back as '" + fields.get(0).attr("value") + "'");
            }
            else if (!"true".equals(field.attr("aria-invalid"))) {
                failures.add(described + ": " + name + " is not marked invalid");
            }
        }
        return failures;
    }

}
