package nl.meedoen.provisions.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.csv.SafeCsv;
import nl.meedoen.platform.Tenancy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provisions as CSV (semicolon separated, UTF-8, Dutch column names): exported as they
 * are, imported with every row checked by the same rules as the form. A file with a bad
 * row imports nothing, unless the user chooses to import the good rows. A row with an
 * {@code id} or with the name of an existing provision of the same partner changes that
 * provision; any other row adds one.
 */
@Component
public class ProvisionCsv {

    /**
     * The columns, in order. The partner is named (or given by its id). Languages are
     * codes separated by commas.
     */
    public static final List<String> HEADER = List.of("id", "organisatie", "naam", "omschrijving", "domein",
            "doelgroep", "talen", "kosten", "toegankelijkheid", "locatie", "openingstijden", "aanmelden", "actief");

    /** At most this many rows in one file. */
    public static final int MAX_ROWS = 5000;

    /** One broken rule in one line of the file (the header is line 1). */
    public record RowError(long line, String field, String messageKey) {
    }

    /**
     * What an import did: rows read, rows imported (added + changed) and the errors by
     * line.
     */
    public record ImportReport(int rows, int added, int changed, List<RowError> errors, boolean imported) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public int goodRows() {
            return rows - (int) errors.stream().map(RowError::line).distinct().count();
        }
    }

    private final ProvisionDirectory directory;

    private final JdbcClient jdbc;

    ProvisionCsv(ProvisionDirectory directory, JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public void export(Writer out) {
        SafeCsv csv = SafeCsv.open(out, HEADER);
        for (ProvisionDetails p : directory.search(new ProvisionDirectory.Query(null, null, null, true))) {
            csv.row(p.id(), p.partnerName(), p.name(), p.description(), p.domain().name(), p.targetGroup(),
                    String.join(",", p.languages()), p.cost(), p.accessibility(), p.location(), p.openingHours(),
                    p.howToApply(), p.active() ? "ja" : "nee");
        }
        csv.flush();
    }

    /**
     * Reads and checks the whole file, then imports: everything when no row has an error,
     * only the good rows when {@code importGoodRows}, otherwise nothing.
     */
    @Transactional
    public ImportReport importFrom(Reader in, boolean importGoodRows) {
        List<RowError> errors = new ArrayList<>();
        List<Row> good = new ArrayList<>();
        Map<String, UUID> partnersByName = new HashMap<>();
        directory.partners().forEach(p -> partnersByName.put(p.name().strip().toLowerCase(Locale.ROOT), p.id()));
        Set<String> seen = new HashSet<>();
        int rows = 0;
        try (CSVParser parser = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setIgnoreHeaderCase(true)
            .setAllowMissingColumnNames(true)
            .get()
            .parse(in)) {
            List<String> missing = HEADER.stream()
                .filter(h -> !h.equals("id") && !parser.getHeaderMap().containsKey(h))
                .toList();
            if (!missing.isEmpty()) {
                errors.add(new RowError(1, String.join(", ", missing), "provisions.csv.missingColumns"));
                return new ImportReport(0, 0, 0, errors, false);
            }
            for (CSVRecord record : parser) {
                rows++;
                long line = parser.getCurrentLineNumber();
                if (rows > MAX_ROWS) {
                    errors.add(new RowError(line, "", "provisions.csv.tooManyRows"));
                    return new ImportReport(rows, 0, 0, errors, false);
                }
                List<RowError> rowErrors = new ArrayList<>();
                String partnerValue = value(record, "organisatie");
                UUID partnerId = ProvisionInput.uuid(partnerValue);
                if (partnerId == null && partnerValue != null) {
                    partnerId = partnersByName.get(partnerValue.toLowerCase(Locale.ROOT));
                }
                String activeValue = value(record, "actief");
                Boolean active = active(activeValue);
                if (active == null) {
                    rowErrors.add(new RowError(line, "actief", "provisions.csv.active"));
                }
                String languages = value(record, "talen");
                ProvisionInput input = new ProvisionInput(partnerId == null ? null : partnerId.toString(),
                        value(record, "naam"), value(record, "omschrijving"), value(record, "domein"),
                        value(record, "doelgroep"),
                        languages == null ? List.of()
                                : Arrays.stream(languages.split("[,\\s]+")).filter(s -> !s.isBlank()).toList(),
                        value(record, "kosten"), value(record, "toegankelijkheid"), value(record, "locatie"),
                        value(record, "openingstijden"), value(record, "aanmelden"), active == null || active);
                for (FieldError e : input.problems(directory::partnerExists)) {
                    rowErrors.add(new RowError(line, column(e.field()), e.messageKey()));
                }
                String idValue = value(record, "id");
                UUID id = ProvisionInput.uuid(idValue);
                if (idValue != null && (id == null || directory.details(id).isEmpty())) {
                    rowErrors.add(new RowError(line, "id", "provisions.csv.unknownId"));
                }
                if (rowErrors.isEmpty()) {
                    String key = partnerId + "|" + input.name().strip().toLowerCase(Locale.ROOT);
                    if (!seen.add(key)) {
                        rowErrors.add(new RowError(line, "naam", "provisions.csv.duplicateRow"));
                    }
                }
                if (rowErrors.isEmpty()) {
                    good.add(new Row(id, input.toData(directory::partnerExists)));
                }
                errors.addAll(rowErrors);
            }
        }
        catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
            errors.add(new RowError(rows + 1, "", "provisions.csv.unreadable"));
            return new ImportReport(rows, 0, 0, errors, false);
        }
        if (!errors.isEmpty() && !importGoodRows) {
            return new ImportReport(rows, 0, 0, errors, false);
        }
        int added = 0;
        int changed = 0;
        for (Row row : good) {
            UUID existing = row.id() != null ? row.id() : existingByName(row.data());
            if (existing == null) {
                jdbc.sql("""
                        insert into provision (id, municipality_id, partner_id, name, description, domain,
                            target_group, languages, cost, accessibility, location, opening_hours, how_to_apply, active)
                        values (:id, :m, :partner, :name, :description, :domain, :target,
                            string_to_array(:languages, ','), :cost, :access, :location, :hours, :apply, :active)""")
                    .param("id", UUID.randomUUID())
                    .param("m", Tenancy.require())
                    .params(ProvisionDirectory.columns(row.data()))
                    .update();
                added++;
            }
            else {
                jdbc.sql("""
                        update provision set partner_id = :partner, name = :name, description = :description,
                            domain = :domain, target_group = :target, languages = string_to_array(:languages, ','),
                            cost = :cost, accessibility = :access, location = :location, opening_hours = :hours,
                            how_to_apply = :apply, active = :active, version = version + 1, updated_at = now()
                        where id = :id and municipality_id = :m""")
                    .param("id", existing)
                    .param("m", Tenancy.require())
                    .params(ProvisionDirectory.columns(row.data()))
                    .update();
                changed++;
            }
        }
        return new ImportReport(rows, added, changed, errors, true);
    }

    private record Row(@Nullable UUID id, ProvisionData data) {
    }

    private @Nullable UUID existingByName(ProvisionData data) {
        return jdbc.sql("""
                select id from provision where municipality_id = :m and partner_id = :p and lower(name) = lower(:n)""")
            .param("m", Tenancy.require())
            .param("p", data.partnerId())
            .param("n", data.name())
            .query(UUID.class)
            .optional()
            .orElse(null);
    }

    private static @Nullable Boolean active(@Nullable String value) {
        if (value == null) {
            return true;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ja", "j", "true", "yes", "1" -> true;
            case "nee", "n", "false", "no", "0" -> false;
            default -> null;
        };
    }

    private static String column(String field) {
        return switch (field) {
            case "partnerId" -> "organisatie";
            case "name" -> "naam";
            case "description" -> "omschrijving";
            case "domain" -> "domein";
            case "targetGroup" -> "doelgroep";
            case "languages" -> "talen";
            case "cost" -> "kosten";
            case "accessibility" -> "toegankelijkheid";
            case "location" -> "locatie";
            case "openingHours" -> "openingstijden";
            case "howToApply" -> "aanmelden";
            default -> field;
        };
    }

    private static @Nullable String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        return SafeCsv.restore(value.strip());
    }

}
