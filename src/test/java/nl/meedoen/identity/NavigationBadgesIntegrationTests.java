package nl.meedoen.identity;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.meedoen.support.Pages;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The navigation under every page asks only for the counts its badges show, not for the
 * start page's lists; the badges must still say what the start page and the lists they
 * link to say.
 */
@MeedoenIntegrationTest
class NavigationBadgesIntegrationTests {

    private static final Pattern BADGE = Pattern.compile(
            "<a href=\"([^\"]+)\"[^>]*><span>[^<]*</span><span class=\"nav-badge\"><span aria-hidden=\"true\">(\\d+)</span>");

    private static final Pattern SIGNALS_TOTAL = Pattern.compile("<h2>Signalen \\((\\d+)\\)</h2>");

    private static final Pattern REQUEST = Pattern.compile("<div class=\"card\"");

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = { "begeleider", "teamleider", "begeleider.oost", "partner", "coordinator", "beleid",
            "privacy", "beheerder", "begeleider.dordrecht" })
    void everyPageShowsTheBadgesTheStartPageCounts(String user) throws Exception {
        Pages pages = Pages.as(mvc, user);
        Map<String, Long> onTheStartPage = badges(html(pages, "/"));

        Map<String, Long> elsewhere = badges(html(pages, "/geen-toegang"));

        assertThat(elsewhere).isEqualTo(onTheStartPage);
    }

    @Test
    void theSignalsBadgeCountsTheCaseworkersOwnOpenSignalsOnTheWorklist() throws Exception {
        Pages caseworker = Pages.as(mvc, "begeleider");

        long badge = badges(html(caseworker, "/geen-toegang")).getOrDefault("/signalen", 0L);

        assertThat(badge).isPositive().isEqualTo(number(SIGNALS_TOTAL, html(caseworker, "/signalen")));
    }

    @Test
    void theExtensionsBadgeCountsTheRequestsOfTheTeamLeadsQueue() throws Exception {
        Pages teamLead = Pages.as(mvc, "teamleider");

        long badge = badges(html(teamLead, "/geen-toegang")).getOrDefault("/traject/verlengingen", 0L);

        assertThat(badge).isEqualTo(REQUEST.matcher(html(teamLead, "/traject/verlengingen")).results().count());
    }

    private static String html(Pages pages, String path) throws Exception {
        return pages.perform(get(path)).getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<String, Long> badges(String html) {
        Map<String, Long> badges = new LinkedHashMap<>();
        Matcher badge = BADGE.matcher(html);
        while (badge.find()) {
            badges.put(badge.group(1), Long.parseLong(badge.group(2)));
        }
        return badges;
    }

    private static long number(Pattern pattern, String html) {
        Matcher found = pattern.matcher(html);
        assertThat(found.find()).as(pattern.pattern()).isTrue();
        return Long.parseLong(found.group(1));
    }

}
