package nl.meedoen.monitoring;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.monitoring.internal.ReferenceFigures;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as the policy officer's start page, the exports with formula-looking text
 * escaped in CSV and XLSX, and the council report read back from its PDF.
 */
@MeedoenIntegrationTest
class MonitorFilesIntegrationTests {

    static final String FORMULA = "=HYPERLINK(\"http://example.org\";\"CBS\")";

    @Autowired
    MockMvc mvc;

    @Autowired
    ReferenceFigures references;

    @Autowired
    Municipalities municipalities;

    void aFormulaAsSource() {
        Tenancy.runAs(municipalities.byCode("0610").orElseThrow().id(), () -> references
            .put(List.of(new ReferenceFigures.Reference("EDUCATION_SHARE", BigDecimal.TEN, FORMULA, 0))));
    }

    @Test
    void thePolicyOfficerLandsOnTheDashboard() throws Exception {
        Pages pages = Pages.as(mvc, "beleid");
        MockHttpServletResponse start = pages.perform(MockMvcRequestBuilders.get("/"));
        assertThat(start.getStatus()).isEqualTo(302);
        assertThat(start.getRedirectedUrl()).endsWith("/monitor");
        MockHttpServletResponse page = pages.perform(MockMvcRequestBuilders.get("/monitor?periode=2025-H1"));
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Monitor integratie en participatie 2025-H1", "<svg", "data-chart=\"HOUSING_HOUSED\"",
                "data-indicator=\"PAID_WORK_SHARE\"", "Afscherming van kleine aantallen", "asielcohort 2020");
        assertThat(pages.perform(MockMvcRequestBuilders.get("/monitor?periode=2025-H3")).getStatus()).isEqualTo(400);
        assertThat(Pages.as(mvc, "teamleider").perform(MockMvcRequestBuilders.get("/")).getStatus()).isEqualTo(200);
        assertThat(Pages.as(mvc, "begeleider").perform(MockMvcRequestBuilders.get("/monitor")).getStatus())
            .isEqualTo(403);
    }

    @Test
    void theCsvExportWritesFormulaLookingTextAsText() throws Exception {
        aFormulaAsSource();
        Api.Response csv = Api.as(mvc, "beleid")
            .perform(MockMvcRequestBuilders.get("/api/v1/indicators/export?period=2025-H1&format=csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = csv.raw().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("HOUSING_QUOTA", "2025-H1;2024-H2").contains("'" + FORMULA.replace("\"", "\"\""));
        assertThat(text).doesNotContain(";" + FORMULA);
        assertThat(Api.as(mvc, "beleid")
            .perform(MockMvcRequestBuilders.get("/api/v1/indicators/export?period=2025-H1&format=pdf"))
            .status()).isEqualTo(400);
    }

    @Test
    void theXlsxExportMarksFormulaLookingTextAsText() throws Exception {
        aFormulaAsSource();
        Api.Response xlsx = Api.as(mvc, "beleid")
            .perform(MockMvcRequestBuilders.get("/api/v1/indicators/export?period=2025-H1&format=xlsx"));
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.raw().getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("2025-H1");
            boolean found = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING && FORMULA.equals(cell.getStringCellValue())) {
                        assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
                        found = true;
                    }
                }
                if ("HOUSING_QUOTA".equals(row.getCell(1).getStringCellValue())) {
                    assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void theCouncilReportReadsBackWithEverySection() throws Exception {
        Api.Response pdf = Api.as(mvc, "beleid")
            .perform(MockMvcRequestBuilders.get("/api/v1/reports/council?period=2025-H1"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        PdfReader reader = new PdfReader(pdf.raw().getContentAsByteArray());
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        String all = text.toString();
        assertThat(reader.getNumberOfPages()).isGreaterThan(2);
        assertThat(all).contains("Monitor integratie en participatie Sliedrecht 2025-H1", "Inhoud",
                "Ontwikkeling over de laatste perioden", "Huisvesting", "Trajecten", "Speerpunten",
                "Voorzieningen en verwijzingen", "Werk en inkomen", "Vroegsignalering", "Cohorten",
                "Cohorten naar jaar van huisvesting", "Betaald werk na 18 maanden", "Bijstandsuitkering", "B1-niveau",
                "Benchmark", "doet niet mee aan de benchmark", "Definities", "Afscherming van kleine aantallen",
                "Gehuisvest", "Pagina 2");
        assertThat(all).doesNotContain("Pagina …");
        assertThat(reader.getInfo().get("Title")).isEqualTo("Monitor integratie en participatie Sliedrecht 2025-H1");
        reader.close();
    }

}
