package nl.meedoen.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * What Meedoen holds about me: the demo resident reads the own copy of the subject-access
 * export on {@code /mijn/gegevens} and through {@code /api/v1/my/data} (JSON and the PDF
 * letter): the own file only, staff by role and team and never by name or account,
 * without health notes, and every read logged as the resident's own.
 */
@MeedoenIntegrationTest
class MyDataIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    private JdbcClient owner() {
        return JdbcClient.create(ownerDataSource);
    }

    private UUID residentPerson() {
        return owner().sql("""
                select r.person_id from resident_account r join app_user u on u.id = r.account_id
                where u.username = 'inwoner'""").query(UUID.class).single();
    }

    /** The names and account names of Sliedrecht's staff. */
    private List<String> staffNames() {
        return owner().sql("""
                select unnest(array[u.display_name, u.username]) from app_user u
                join municipality m on m.id = u.municipality_id
                where m.code = '0610' and u.role <> 'RESIDENT'""").query(String.class).list();
    }

    private long portalReads(UUID person) {
        return owner().sql("select count(*) from audit_entry where person_id = :p and action = 'PORTAL_READ'")
            .param("p", person)
            .query(Long.class)
            .single();
    }

    private MockHttpServletResponse get(String path, String user) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, "demo"))).andReturn().getResponse();
    }

    @Test
    void theJsonCopyHoldsTheOwnFileWithStaffByRoleAndTeamAndNoHealthNotes() throws Exception {
        UUID person = residentPerson();
        String givenNames = owner().sql("select given_names from person where id = :p")
            .param("p", person)
            .query(String.class)
            .single();
        // a caseworker has read the file (the copy lists that access by role and team),
        // whichever tests ran before
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/persons/" + person).status()).isEqualTo(200);
        long before = portalReads(person);

        Api.Response answer = Api.as(mvc, "inwoner").get("/api/v1/my/data");

        assertThat(answer.status()).isEqualTo(200);
        String json = answer.raw().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains(givenNames).contains("\"residents.person\"").doesNotContain("health_notes");
        List<String> values = answer.body()
            .get("sections")
            .valueStream()
            .flatMap(section -> section.get("items").valueStream())
            .flatMap(item -> item.get("fields").valueStream())
            .flatMap(field -> field.get("value").isArray() ? field.get("value").valueStream()
                    : java.util.stream.Stream.of(field.get("value")))
            .map(value -> value.asString(""))
            .toList();
        assertThat(values).as("the values of the copy").isNotEmpty().doesNotContainAnyElementsOf(staffNames());
        assertThat(answer.body().get("accesses").toString()).doesNotContain("\"actor\"");
        assertThat(answer.body().get("accesses").valueStream().filter(a -> a.has("team") && !a.get("team").isNull()))
            .as("the processing log's staff by role and team")
            .isNotEmpty();
        assertThat(answer.body().get("accesses").valueStream().map(a -> a.get("role").asString("")))
            .contains("Consulent");
        // no other person's file: every section is about this person
        assertThat(answer.body().get("sections").get(0).get("items").get(0).toString()).contains(person.toString());
        assertThat(portalReads(person)).isEqualTo(before + 1);
    }

    @Test
    void theLetterNamesNoMemberOfStaff() throws Exception {
        MockHttpServletResponse pdf = get("/api/v1/my/data?format=pdf", "inwoner");

        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        PdfReader reader = new PdfReader(pdf.getContentAsByteArray());
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        assertThat(text).contains("Uw gegevens bij de gemeente").contains("Consulent");
        // the staff's personal names and dotted account names; a plain account name such
        // as "beleid" or "privacy" is also a word of the letter's purposes
        List<String> names = staffNames().stream().filter(n -> n.contains(" ") || n.contains(".")).toList();
        assertThat(names).isNotEmpty();
        for (String name : names) {
            assertThat(text.toString()).as("a member of staff named in the letter")
                .doesNotContainPattern("(?m)(^|[ (])" + java.util.regex.Pattern.quote(name) + "($|[ ),])");
        }
    }

    @Test
    void thePageShowsThePartsInPlainWordsAndIsLogged() throws Exception {
        UUID person = residentPerson();
        long before = portalReads(person);

        MockHttpServletResponse page = Pages.as(mvc, "inwoner").perform(MockMvcRequestBuilders.get("/mijn/gegevens"));

        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Wat weet de gemeente over u?")
            .contains("Dossier")
            .contains("Voornamen")
            .contains("href=\"/api/v1/my/data?format=pdf\"")
            .doesNotContain(person.toString());
        assertThat(portalReads(person)).isEqualTo(before + 1);
    }

    @Test
    void staffCannotReadAResidentsCopy() throws Exception {
        assertThat(get("/api/v1/my/data", "begeleider").getStatus()).isEqualTo(403);
        assertThat(get("/api/v1/my/data", "privacy").getStatus()).isEqualTo(403);
    }

}
