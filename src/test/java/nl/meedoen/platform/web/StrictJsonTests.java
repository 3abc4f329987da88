package nl.meedoen.platform.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How the strict reading of request bodies treats each kind of value. */
class StrictJsonTests {

    record Body(@Nullable String text, @Nullable Integer count, @Nullable Boolean flag, LocalDate date,
            List<String> names, Map<String, String> notes, List<Item> items, Choice choice) {
    }

    record Item(String label) {
    }

    enum Choice {

        ONE, TWO

    }

    private final JsonMapper json = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }

    private Body read(String body) {
        return this.json.readValue(body, Body.class);
    }

    @Test
    void aWellFormedBodyIsReadAsSent() {
        Body body = read("""
                {"text":"regel 1\\nregel 2\\tnaast","count":"250","flag":true,"date":"2024-02-29",
                 "names":["ar","ku"],"notes":{"a":"b"},"items":[{"label":"x"}],"choice":"TWO"}""");

        assertThat(body.text()).isEqualTo("regel 1\nregel 2\tnaast");
        assertThat(body.count()).isEqualTo(250);
        assertThat(body.date()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(body.names()).containsExactly("ar", "ku");
        assertThat(body.choice()).isEqualTo(Choice.TWO);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"text\":\"a\\u0000b\"}", "{\"text\":\"bel\\u0007\"}", "{\"text\":\"\\u007f\"}",
            "{\"text\":\"\\ud800\"}", "{\"names\":[\"ok\",\"\\u0000\"]}", "{\"notes\":{\"k\":\"\\u001b\"}}",
            "{\"items\":[{\"label\":\"\\u0000\"}]}" })
    void aControlCharacterAnywhereIsRefusedAsTheFieldWithIt(String body) {
        assertThatExceptionOfType(StrictJson.Refusal.class).isThrownBy(() -> read(body))
            .satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("problem.forbiddenCharacter"));
    }

    @Test
    void anEmojiIsNoControlCharacter() {
        assertThat(read("{\"text\":\"\\ud83d\\ude00 ok\"}").text()).isEqualTo("\ud83d\ude00 ok");
    }

    @Test
    void aTextOverTheCapIsRefused() {
        String body = "{\"text\":\"" + "a".repeat(StrictJson.MAX_TEXT + 1) + "\"}";
        assertThatExceptionOfType(StrictJson.Refusal.class).isThrownBy(() -> read(body))
            .satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("problem.textTooLong"));
        assertThat(read("{\"text\":\"" + "a".repeat(StrictJson.MAX_TEXT) + "\"}").text()).hasSize(StrictJson.MAX_TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"text\":1}", "{\"text\":true}", "{\"text\":2.5}", "{\"count\":250.9}", "{\"flag\":1}",
            "{\"date\":2147483648}", "{\"date\":100000000}", "{\"date\":\"1899-12-31\"}", "{\"date\":\"2101-01-01\"}",
            "{\"date\":\"2024-02-30\"}", "{\"choice\":\"THREE\"}", "{\"count\":\"250.9\"}" })
    void aValueOfTheWrongKindIsRefusedNotCoerced(String body) {
        String field = body.substring(2, body.indexOf('"', 2));
        assertThatExceptionOfType(MismatchedInputException.class).isThrownBy(() -> read(body))
            .satisfies(ex -> assertThat(ex.getPath().get(0).getPropertyName()).isEqualTo(field));
    }

    @Test
    void aNullInAListIsRefusedAtItsIndex() {
        assertThatExceptionOfType(InvalidNullException.class).isThrownBy(() -> read("{\"names\":[\"a\",null]}"))
            .satisfies(ex -> assertThat(ex.getPath().get(ex.getPath().size() - 1).getIndex()).isEqualTo(1));
    }

    @Test
    void aListOverTheCapIsRefused() {
        String items = String.join(",", java.util.Collections.nCopies(StrictJson.MAX_ITEMS + 1, "\"x\""));
        assertThatExceptionOfType(StrictJson.Refusal.class).isThrownBy(() -> read("{\"names\":[" + items + "]}"))
            .satisfies(ex -> assertThat(ex.getPath().get(0).getPropertyName()).isEqualTo("names"));
    }

}
