package nl.meedoen.identity.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The navigation's badges are counted only for a page that is rendered: not for an API
 * answer (no view), a redirect after a form, or a form's POST.
 */
class NavigationBadgesTests {

    private final StartPage startPage = mock(StartPage.class);

    private final NavigationBadges badges = new NavigationBadges(startPage);

    @Test
    void anAnswerWithoutAViewCountsNothing() {
        badges.postHandle(new MockHttpServletRequest("GET", "/api/v1/persons/x"), new MockHttpServletResponse(),
                new Object(), null);
        verifyNoInteractions(startPage);
    }

    @Test
    void aRedirectCountsNothing() {
        ModelAndView redirect = new ModelAndView("redirect:/personen");
        badges.postHandle(new MockHttpServletRequest("GET", "/personen/nieuw"), new MockHttpServletResponse(),
                new Object(), redirect);
        verifyNoInteractions(startPage);
        assertThat(redirect.getModel()).doesNotContainKey(NavigationBadges.ATTRIBUTE);
    }

    @Test
    void aPostCountsNothing() {
        ModelAndView form = new ModelAndView("residents/form");
        badges.postHandle(new MockHttpServletRequest("POST", "/personen"), new MockHttpServletResponse(), new Object(),
                form);
        verifyNoInteractions(startPage);
    }

    @Test
    void theStartPagesOwnBadgesAreKept() {
        ModelAndView home = new ModelAndView("home");
        home.addObject(NavigationBadges.ATTRIBUTE, java.util.Map.of("/signalen", 2L));
        badges.postHandle(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(), new Object(), home);
        verifyNoInteractions(startPage);
        assertThat(home.getModel().get(NavigationBadges.ATTRIBUTE)).isEqualTo(java.util.Map.of("/signalen", 2L));
    }

}
