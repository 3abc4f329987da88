package nl.meedoen.portal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The activation letter of Mijn Meedoen: the caseworker's PDF carries a username and a
 * one-time code that is stored only as a hash; on {@code /mijn/activeren} the code makes
 * the resident's account linked to the person, once, within 30 days; wrong codes are
 * refused and a few of them block the letter; another municipality's person is not found.
 */
@MeedoenIntegrationTest
class ActivationLetterIntegrationTests {

    private static final String PASSWORD = "Zonnebloem-Akker-7421";

    private static final Pattern USERNAME = Pattern.compile("Gebruikersnaam: (\\S+)");

    private static final Pattern CODE = Pattern.compile("Code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    private JdbcClient owner() {
        return JdbcClient.create(ownerDataSource);
    }

    private record Letter(String username, String code, String text) {
    }

    private UUID newPerson() {
        return UUID.fromString(Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Amira", "Haddad"))
            .body()
            .get("id")
            .asString());
    }

    private MockHttpServletResponse print(String user, UUID person) {
        return Api.as(mvc, user)
            .perform(MockMvcRequestBuilders.post("/api/v1/persons/" + person + "/activation-letters"))
            .raw();
    }

    private Letter letter(UUID person) throws IOException {
        MockHttpServletResponse response = print("begeleider", person);
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentType()).startsWith("application/pdf");
        assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        String text = text(response.getContentAsByteArray());
        Matcher username = USERNAME.matcher(text);
        Matcher code = CODE.matcher(text);
        assertThat(username.find()).as(text).isTrue();
        assertThat(code.find()).as(text).isTrue();
        return new Letter(username.group(1), code.group(1), text);
    }

    private MockHttpServletResponse activate(String username, String code, String password) throws Exception {
        return mvc
            .perform(MockMvcRequestBuilders.post("/mijn/activeren")
                .with(csrf())
                .param("username", username)
                .param("code", code)
                .param("password", password)
                .param("passwordRepeat", password))
            .andReturn()
            .getResponse();
    }

    private static boolean activated(MockHttpServletResponse response) {
        return "/inloggen?geactiveerd".equals(response.getRedirectedUrl());
    }

    private UUID linkedPerson(String username) {
        return owner().sql("""
                select r.person_id from resident_account r join app_user u on u.id = r.account_id
                where u.username = :u and u.role = 'RESIDENT'""").param("u", username).query(UUID.class).single();
    }

    @Test
    void theCodeInTheLetterMakesTheResidentsAccountOnceAndIsStoredOnlyAsAHash() throws Exception {
        UUID person = newPerson();
        Letter letter = letter(person);
        String bare = letter.code().replace("-", "");
        assertThat(letter.text()).contains("Amira Haddad").contains("30").contains("/mijn/activeren");

        JdbcClient owner = owner();
        String hash = owner.sql("select code_hash from activation_letter where person_id = :p")
            .param("p", person)
            .query(String.class)
            .single();
        assertThat(hash).hasSize(64).doesNotContain(bare);
        assertThat(owner.sql("select count(*) from activation_letter where code_hash like :c or username like :c")
            .param("c", "%" + bare + "%")
            .query(Integer.class)
            .single()).isZero();
        assertThat(owner.sql("select count(*) from audit_entry where person_id = :p and action = 'ACTIVATION_LETTER'")
            .param("p", person)
            .query(Integer.class)
            .single()).isEqualTo(1);
        assertThat(owner.sql("select count(*) from audit_entry where purpose like :c or actor like :c")
            .param("c", "%" + bare + "%")
            .query(Integer.class)
            .single()).isZero();

        // typed as a resident would: small letters, spaces instead of dashes
        assertThat(activated(
                activate(letter.username().toUpperCase(), letter.code().toLowerCase().replace('-', ' '), PASSWORD)))
            .isTrue();
        assertThat(linkedPerson(letter.username())).isEqualTo(person);
        Pages resident = Pages.as(mvc, letter.username(), PASSWORD);
        assertThat(resident.perform(MockMvcRequestBuilders.get("/mijn")).getStatus()).isEqualTo(200);

        MockHttpServletResponse again = activate(letter.username(), letter.code(), "Andere-Tulpen-9183");
        assertThat(activated(again)).isFalse();
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString()).contains("Dit lukt niet");
        Pages.as(mvc, letter.username(), PASSWORD);
    }

    @Test
    void aNewLetterForAResidentWithAnAccountGivesTheSameAccountANewPassword() throws Exception {
        UUID person = newPerson();
        Letter first = letter(person);
        assertThat(activated(activate(first.username(), first.code(), PASSWORD))).isTrue();
        Letter second = letter(person);
        assertThat(second.username()).isEqualTo(first.username());
        assertThat(activated(activate(second.username(), second.code(), "Andere-Tulpen-9183"))).isTrue();
        Pages.as(mvc, first.username(), "Andere-Tulpen-9183");
        assertThat(owner().sql("select count(*) from resident_account where person_id = :p")
            .param("p", person)
            .query(Integer.class)
            .single()).isEqualTo(1);
    }

    @Test
    void aNewLetterReplacesTheOneBefore() throws Exception {
        UUID person = newPerson();
        Letter first = letter(person);
        Letter second = letter(person);
        assertThat(activated(activate(first.username(), first.code(), PASSWORD))).isFalse();
        assertThat(activated(activate(second.username(), second.code(), PASSWORD))).isTrue();
    }

    @Test
    void theCodeWorksThirtyDays() throws Exception {
        UUID person = newPerson();
        LocalDate printed = LocalDate.of(2026, 3, 2);
        Letter letter;
        try (var day = clock.fixedAt(printed)) {
            letter = letter(person);
        }
        try (var day = clock.fixedAt(printed.plusDays(30))) {
            assertThat(activated(activate(letter.username(), letter.code(), PASSWORD))).isFalse();
        }
        assertThat(owner().sql("select count(*) from resident_account where person_id = :p")
            .param("p", person)
            .query(Integer.class)
            .single()).isZero();

        UUID other = newPerson();
        Letter valid;
        try (var day = clock.fixedAt(printed)) {
            valid = letter(other);
        }
        assertThat(valid.text()).contains("31 maart 2026");
        try (var day = clock.fixedAt(printed.plusDays(29))) {
            assertThat(activated(activate(valid.username(), valid.code(), PASSWORD))).isTrue();
        }
    }

    @Test
    void aWrongCodeIsRefusedAndFiveBlockTheLetter() throws Exception {
        UUID person = newPerson();
        Letter letter = letter(person);
        MockHttpServletResponse wrong = activate(letter.username(), "AAAA-BBBB-CCCC-DDDD", PASSWORD);
        assertThat(activated(wrong)).isFalse();
        assertThat(wrong.getContentAsString()).contains("Dit lukt niet").doesNotContain(PASSWORD);
        assertThat(activated(activate("inwoner.00000000", letter.code(), PASSWORD))).isFalse();
        for (int i = 1; i < 5; i++) {
            assertThat(activated(activate(letter.username(), "AAAA-BBBB-CCCC-DDD" + i, PASSWORD))).isFalse();
        }
        assertThat(activated(activate(letter.username(), letter.code(), PASSWORD))).isFalse();
        assertThat(owner().sql("select count(*) from resident_account where person_id = :p")
            .param("p", person)
            .query(Integer.class)
            .single()).isZero();

        UUID other = newPerson();
        Letter second = letter(other);
        assertThat(activated(activate(second.username(), "AAAA-BBBB-CCCC-DDDD", PASSWORD))).isFalse();
        assertThat(activated(activate(second.username(), second.code(), PASSWORD))).isTrue();
    }

    @Test
    void aPasswordAgainstTheRulesLeavesTheLetterUsable() throws Exception {
        UUID person = newPerson();
        Letter letter = letter(person);
        MockHttpServletResponse tooShort = activate(letter.username(), letter.code(), "kort");
        assertThat(activated(tooShort)).isFalse();
        assertThat(tooShort.getContentAsString()).contains("te kort");
        MockHttpServletResponse different = mvc
            .perform(MockMvcRequestBuilders.post("/mijn/activeren")
                .with(csrf())
                .param("username", letter.username())
                .param("code", letter.code())
                .param("password", PASSWORD)
                .param("passwordRepeat", PASSWORD + "x"))
            .andReturn()
            .getResponse();
        assertThat(different.getContentAsString()).contains("niet hetzelfde");
        assertThat(activated(activate(letter.username(), letter.code(), PASSWORD))).isTrue();
    }

    @Test
    void onlyTheCaseworkerOfTheMunicipalityPrintsALetter() throws Exception {
        UUID person = newPerson();
        assertThat(print("begeleider.dordrecht", person).getStatus()).isEqualTo(404);
        assertThat(print("begeleider", UUID.randomUUID()).getStatus()).isEqualTo(404);
        assertThat(print("beleid", person).getStatus()).isEqualTo(403);
        assertThat(print("inwoner", person).getStatus()).isEqualTo(403);
        assertThat(owner().sql("select count(*) from activation_letter where person_id = :p")
            .param("p", person)
            .query(Integer.class)
            .single()).isZero();
    }

    @Test
    void theFileShowsTheButtonAndThePageAnswersWithoutLogin() throws Exception {
        UUID person = newPerson();
        Pages caseworker = Pages.as(mvc, "begeleider");
        assertThat(caseworker.perform(MockMvcRequestBuilders.get("/personen/" + person)).getContentAsString())
            .contains("/personen/" + person + "/activeringsbrief");
        MockHttpServletResponse pdf = caseworker
            .perform(MockMvcRequestBuilders.post("/personen/" + person + "/activeringsbrief").with(csrf()));
        assertThat(pdf.getStatus()).isEqualTo(201);
        assertThat(text(pdf.getContentAsByteArray())).containsPattern(CODE);
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.get("/mijn/activeren"))
            .andReturn()
            .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Uw account maken").contains("autocomplete=\"one-time-code\"");
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        }
        finally {
            reader.close();
        }
    }

}
