package nl.meedoen.platform;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import nl.meedoen.platform.csv.SafeCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCsvTests {

    @ParameterizedTest
    @ValueSource(strings = { "=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")" })
    void aTextCellThatASpreadsheetWouldRunIsWrittenAsTextAndReadBackUnchanged(String value) throws Exception {
        StringWriter out = new StringWriter();
        SafeCsv csv = SafeCsv.open(out, List.of("waarde"));
        csv.row(value);
        csv.flush();

        CSVRecord record = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .get()
            .parse(new StringReader(out.toString()))
            .getRecords()
            .get(1);
        assertThat(record.get(0)).startsWith("'").isEqualTo("'" + value);
        assertThat(SafeCsv.restore(record.get(0))).isEqualTo(value);
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        assertThat(SafeCsv.cell(-3)).isEqualTo("-3");
        assertThat(SafeCsv.cell("Taalschool De Brug")).isEqualTo("Taalschool De Brug");
        assertThat(SafeCsv.cell(null)).isEmpty();
        assertThat(SafeCsv.restore("'gewoon")).isEqualTo("'gewoon");
    }

    @Test
    void theHeaderIsNeutralisedToo() {
        StringWriter out = new StringWriter();
        SafeCsv.open(out, List.of("=kop", "naam")).flush();

        assertThat(out.toString()).isEqualTo("'=kop;naam\r\n");
    }

}
