package nl.meedoen.platform.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The page language is chosen with {@code ?taal=} or {@code ?lang=}, remembered, and
 * anything but English stays Dutch.
 */
@MeedoenIntegrationTest
class PageLanguageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = { "taal", "lang" })
    void eitherParameterSwitchesThePagesToEnglishAndTheChoiceIsRemembered(String parameter) throws Exception {
        Pages pages = Pages.as(mvc, "begeleider");

        MockHttpServletResponse english = pages.perform(get("/personen").param(parameter, "en"));
        Cookie remembered = english.getCookie("meedoen-taal");

        assertThat(english.getContentAsString(StandardCharsets.UTF_8)).contains("lang=\"en\"", ">Persons<");
        assertThat(remembered).isNotNull();
        assertThat(remembered.getValue()).isEqualTo("en");
        assertThat(pages.perform(get("/personen").cookie(remembered)).getContentAsString(StandardCharsets.UTF_8))
            .contains("lang=\"en\"");
        assertThat(pages.perform(get("/personen").param(parameter, "fr")).getContentAsString(StandardCharsets.UTF_8))
            .contains("lang=\"nl\"", ">Personen<");
    }

}
