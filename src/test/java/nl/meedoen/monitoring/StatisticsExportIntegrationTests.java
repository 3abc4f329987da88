package nl.meedoen.monitoring;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.meedoen.platform.csv.SafeCsv;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor's figures as a file for the national statistics: every indicator of the
 * dashboard in a fixed column order, the municipality's CBS code and the period on every
 * row, small counts suppressed exactly as the dashboard suppresses them (no value,
 * numerator or denominator); policy officer and administrator only; CSV and XLSX read
 * back.
 */
@MeedoenIntegrationTest
class StatisticsExportIntegrationTests {

    private static final String ADDRESS = "/api/v1/exports/indicators?period=2026-H1&format=";

    @Autowired
    MockMvc mvc;

    @Test
    void everyIndicatorIsARowSuppressedAsOnTheDashboard() throws Exception {
        List<CSVRecord> records = csv("beleid");
        assertThat(records.get(0).toList()).containsExactly("cbs_code", "periode", "van", "tot_en_met", "indicator",
                "gebied", "maat", "groep", "waarde", "teller", "noemer", "afgeschermd");
        JsonNode dashboard = Api.as(mvc, "beleid").get("/api/v1/indicators?period=2026-H1").body();
        int threshold = dashboard.get("threshold").asInt();
        Map<String, JsonNode> items = new HashMap<>();
        dashboard.get("items").forEach(item -> items.put(item.get("code").asString(), item));
        assertThat(records).hasSize(items.size() + 1);
        int suppressed = 0;
        for (CSVRecord row : records.subList(1, records.size())) {
            assertThat(row.get(0)).isEqualTo("0610");
            assertThat(row.get(1)).isEqualTo("2026-H1");
            assertThat(row.get(2)).isEqualTo("2026-01-01");
            assertThat(row.get(3)).isEqualTo("2026-06-30");
            JsonNode item = items.get(row.get(4));
            assertThat(item).as(row.get(4)).isNotNull();
            assertThat(row.get(6)).isEqualTo(item.get("measure").asString());
            boolean hidden = item.get("suppressed").asBoolean();
            assertThat(row.get(11)).as(row.get(4)).isEqualTo(hidden ? "ja" : "nee");
            if (hidden) {
                suppressed++;
                assertThat(List.of(row.get(8), row.get(9), row.get(10))).as(row.get(4)).containsOnly("");
                continue;
            }
            if (item.has("value") && !item.get("value").isNull()) {
                assertThat(new BigDecimal(row.get(8))).isEqualByComparingTo(item.get("value").decimalValue());
            }
            switch (row.get(6)) {
                case "COUNT" -> assertThat(Long.parseLong(row.get(9))).as(row.get(4)).isGreaterThanOrEqualTo(threshold);
                case "SHARE" -> {
                    if (!row.get(8).isEmpty()) {
                        long meets = Long.parseLong(row.get(9));
                        long base = Long.parseLong(row.get(10));
                        assertThat(meets).isGreaterThanOrEqualTo(threshold);
                        assertThat(base - meets).isGreaterThanOrEqualTo(threshold);
                        assertThat(new BigDecimal(row.get(8))).isEqualByComparingTo(BigDecimal.valueOf(meets * 100)
                            .divide(BigDecimal.valueOf(base), 1, java.math.RoundingMode.HALF_UP));
                    }
                }
                case "AVERAGE", "MEDIAN", "TOTAL" -> {
                    if (!row.get(8).isEmpty()) {
                        assertThat(Long.parseLong(row.get(10))).isGreaterThanOrEqualTo(threshold);
                    }
                }
                default -> assertThat(row.get(10)).isEmpty();
            }
        }
        assertThat(suppressed).as("the demo data has small counts").isPositive();
    }

    @Test
    void theAdministratorGetsTheSameFileAndOthersAreRefused() throws Exception {
        assertThat(csv("beheerder").stream().map(CSVRecord::toList).toList())
            .isEqualTo(csv("beleid").stream().map(CSVRecord::toList).toList());
        for (String user : List.of("begeleider", "teamleider", "partner", "privacy", "coordinator")) {
            assertThat(get(user, ADDRESS + "csv").status()).as(user).isEqualTo(403);
        }
        assertThat(get("beleid", "/api/v1/exports/indicators?period=2026-H3&format=csv").status()).isEqualTo(400);
    }

    @Test
    void theXlsxFileHasTheSameRowsWithNumbersAsNumbers() throws Exception {
        List<CSVRecord> csv = csv("beleid");
        Api.Response xlsx = get("beleid", ADDRESS + "xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.raw().getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(csv.size() - 1);
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo("cbs_code");
                    continue;
                }
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo(csv.get(row.getRowNum()).get(4));
                if (row.getCell(8) != null) {
                    assertThat(row.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
                }
            }
        }
    }

    private List<CSVRecord> csv(String user) throws Exception {
        Api.Response answer = get(user, ADDRESS + "csv");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Disposition")).contains("statistiek-0610-2026-H1.csv");
        String text = answer.raw().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith(SafeCsv.BOM);
        return CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .get()
            .parse(new StringReader(text.substring(1)))
            .getRecords();
    }

    private Api.Response get(String user, String address) {
        return Api.as(mvc, user).perform(MockMvcRequestBuilders.get(address));
    }

}
