package nl.meedoen.platform;

import nl.meedoen.platform.web.IfMatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "\"3\"|3", "W/\"3\"|3", "3|3", " \"12\" |12", "\"0\"|0" })
    void readsTheVersionFromStrongWeakOrBareTags(String header, int version) {
        assertThat(IfMatch.parse(header).required()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"abc\"", "*", "\"3\", \"4\"", "\"-1\"", "\"99999999999\"", "W/" })
    void aTagThatNamesNoVersionOfOursIsStale(String header) {
        assertThatThrownBy(() -> IfMatch.parse(header)).isInstanceOf(StaleVersionException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "  " })
    void aMissingHeaderIsRequiredForAnUpdate(String header) {
        IfMatch ifMatch = IfMatch.parse(header);

        assertThat(ifMatch.present()).isFalse();
        assertThat(ifMatch.optional()).isNull();
        assertThatThrownBy(ifMatch::required).isInstanceOf(VersionRequiredException.class);
    }

    @Test
    void theFirstSaveOfARecordNeedsNoVersionButEveryLaterOneDoes() {
        IfMatch missing = IfMatch.parse(null);

        assertThat(missing.requiredOnceCreated(0)).isZero();
        assertThatThrownBy(() -> missing.requiredOnceCreated(2)).isInstanceOf(VersionRequiredException.class);
        assertThat(IfMatch.parse("\"2\"").requiredOnceCreated(2)).isEqualTo(2);
    }

    @Test
    void anEtagIsTheQuotedVersion() {
        assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
        assertThat(IfMatch.parse(IfMatch.etag(7)).required()).isEqualTo(7);
    }

}
