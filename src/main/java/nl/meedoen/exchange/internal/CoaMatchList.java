package nl.meedoen.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.csv.SafeCsv;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.HouseholdRole;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads a COA match list (koppellijst) as the municipality receives it: CSV separated by
 * semicolons or an XLSX workbook (its first sheet), UTF-8, a header with the columns of
 * {@link #HEADER} in that order, one row per person. Each cell is checked on its own
 * here; what depends on other rows or on the files is checked by {@link CoaImports}.
 */
public final class CoaMatchList {

    public static final List<String> HEADER = List.of("V-nummer", "BSN", "Voornamen", "Achternaam", "Geboortedatum",
            "Geslacht", "Nationaliteit", "Talen", "Huishouden", "Relatie", "Koppeldatum", "Nareiziger", "Opmerkingen");

    /** At most this many persons in one file. */
    public static final int MAX_ROWS = 20_000;

    /** At most this many characters in the remarks of one person. */
    public static final int MAX_REMARK = 2000;

    /** At most this many characters in any other cell. */
    private static final int MAX_CELL = 200;

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu")
        .withResolverStyle(ResolverStyle.STRICT);

    /** What a file holds: its rows, or why it cannot be read at all. */
    public record Parsed(List<CoaRow> rows, @Nullable String fileErrorKey) {
    }

    private CoaMatchList() {
    }

    public static Parsed parse(byte[] content, String fileName) {
        boolean workbook = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") || isZip(content);
        try {
            List<List<String>> cells = workbook ? xlsx(content) : csv(content);
            return rows(cells);
        }
        catch (CharacterCodingException ex) {
            return new Parsed(List.of(), "exchange.coa.notUtf8");
        }
        catch (IOException | RuntimeException ex) {
            return new Parsed(List.of(), workbook ? "exchange.coa.unreadableXlsx" : "exchange.coa.unreadableCsv");
        }
    }

    private static boolean isZip(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static Parsed rows(List<List<String>> cells) {
        if (cells.isEmpty()) {
            return new Parsed(List.of(), "exchange.coa.empty");
        }
        List<String> header = cells.get(0).stream().map(c -> c.strip()).toList();
        List<String> firstColumns = header.subList(0, Math.min(header.size(), HEADER.size()));
        if (!firstColumns.stream()
            .map(c -> c.toLowerCase(Locale.ROOT))
            .toList()
            .equals(HEADER.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList())) {
            return new Parsed(List.of(), "exchange.coa.header");
        }
        if (cells.size() - 1 > MAX_ROWS) {
            return new Parsed(List.of(), "exchange.coa.tooManyRows");
        }
        List<CoaRow> rows = new ArrayList<>();
        for (int i = 1; i < cells.size(); i++) {
            List<String> row = cells.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows.add(row(i + 1, row));
        }
        if (rows.isEmpty()) {
            return new Parsed(List.of(), "exchange.coa.empty");
        }
        return new Parsed(rows, null);
    }

    private static CoaRow row(int line, List<String> raw) {
        List<FieldError> errors = new ArrayList<>();
        String[] c = new String[HEADER.size()];
        for (int i = 0; i < c.length; i++) {
            String value = i < raw.size() ? raw.get(i).strip() : "";
            c[i] = SafeCsv.restore(value).strip();
            int max = i == 12 ? MAX_REMARK : MAX_CELL;
            if (c[i].length() > max) {
                errors.add(new FieldError(HEADER.get(i), "exchange.coa.tooLong"));
                c[i] = c[i].substring(0, max);
            }
        }
        if (raw.size() > HEADER.size() && raw.subList(HEADER.size(), raw.size()).stream().anyMatch(s -> !s.isBlank())) {
            errors.add(new FieldError("Opmerkingen", "exchange.coa.extraColumns"));
        }
        String vNumber = digits(c[0]);
        String bsn = digits(c[1]);
        LocalDate dateOfBirth = date(c[4], "Geboortedatum", errors);
        Gender gender = gender(c[5], errors);
        String nationality = blank(c[6]);
        List<String> languages = c[7].isBlank() ? List.of()
                : Arrays.stream(c[7].split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        String household = blank(c[8]);
        HouseholdRole relation = relation(c[9], errors);
        if (household != null && relation == null && c[9].isBlank()) {
            errors.add(new FieldError("Relatie", "exchange.coa.relationRequired"));
        }
        LocalDate matchDate = date(c[10], "Koppeldatum", errors);
        if (matchDate == null && c[10].isBlank()) {
            errors.add(new FieldError("Koppeldatum", "exchange.coa.matchDateRequired"));
        }
        boolean lateJoiner = yesNo(c[11], errors);
        return new CoaRow(line, vNumber, bsn, blank(c[2]), blank(c[3]), dateOfBirth, gender, nationality, languages,
                household, relation, matchDate, lateJoiner, blank(c[12]), errors);
    }

    private static @Nullable String blank(String value) {
        return value.isBlank() ? null : value;
    }

    /** A number as typed, with spaces, dots and dashes left out. */
    private static @Nullable String digits(String value) {
        String compact = value.replaceAll("[\\s.\\-]", "");
        return compact.isEmpty() ? null : compact;
    }

    static @Nullable LocalDate date(String value, String column, List<FieldError> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value) : LocalDate.parse(value, DUTCH_DATE);
        }
        catch (DateTimeParseException ex) {
            errors.add(new FieldError(column, "exchange.coa.date"));
            return null;
        }
    }

    private static @Nullable Gender gender(String value, List<FieldError> errors) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "" -> null;
            case "M", "MAN" -> Gender.MALE;
            case "V", "VROUW" -> Gender.FEMALE;
            case "X", "O", "ANDERS", "ONBEKEND" -> Gender.OTHER;
            default -> {
                errors.add(new FieldError("Geslacht", "exchange.coa.gender"));
                yield null;
            }
        };
    }

    private static @Nullable HouseholdRole relation(String value, List<FieldError> errors) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "" -> null;
            case "HOOFD" -> HouseholdRole.HEAD;
            case "PARTNER" -> HouseholdRole.PARTNER;
            case "KIND" -> HouseholdRole.CHILD;
            case "OVERIG" -> HouseholdRole.OTHER;
            default -> {
                errors.add(new FieldError("Relatie", "exchange.coa.relation"));
                yield null;
            }
        };
    }

    private static boolean yesNo(String value, List<FieldError> errors) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ja", "j" -> true;
            case "", "nee", "n" -> false;
            default -> {
                errors.add(new FieldError("Nareiziger", "exchange.coa.yesNo"));
                yield false;
            }
        };
    }

    private static List<List<String>> csv(byte[] content) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text = decoder.decode(java.nio.ByteBuffer.wrap(content)).toString();
        if (text.startsWith(SafeCsv.BOM)) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = new java.io.StringReader(text);
                CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(in)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    private static List<List<String>> xlsx(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                while (rows.size() < row.getRowNum()) {
                    rows.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : text(cell, formatter));
                }
                rows.add(cells);
                if (rows.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return String.format(Locale.ROOT, "%.0f", value);
            }
        }
        return formatter.formatCellValue(cell);
    }

}
