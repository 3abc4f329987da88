package nl.meedoen.exchange.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.meedoen.exchange.internal.PartnerReports.Kind;
import nl.meedoen.exchange.internal.PartnerReports.Report;
import nl.meedoen.plans.LanguageLevel;
import nl.meedoen.plans.Skill;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.csv.SafeCsv;
import nl.meedoen.trajectories.ExamPart;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a partner's report file: CSV separated by semicolons, UTF-8 (a byte-order mark
 * tolerated), a header with the columns of {@link #HEADER} in that order, one report per
 * line. Each cell is read into the field of the API's report it stands for; the errors
 * name the column. What depends on the referral is judged by {@link PartnerUploads}.
 */
final class PartnerReportFile {

    static final List<String> HEADER = List.of("Verwijzing", "Soort", "Datum", "Aanwezig", "Afgemeld", "Klassikaal",
            "Online", "Onderdeel", "Niveau", "Geslaagd");

    /** At most this many reports in one file. */
    static final int MAX_LINES = 20_000;

    private static final int MAX_CELL = 100;

    /** One line: its number in the file, the report it holds, and what is wrong in it. */
    record Line(int line, Report report, List<FieldError> errors) {
    }

    /** What a file holds: its lines, or why it cannot be read at all. */
    record Parsed(List<Line> lines, @Nullable String fileErrorKey) {
    }

    private PartnerReportFile() {
    }

    static Parsed parse(byte[] content) {
        List<CSVRecord> records;
        try {
            records = csv(content);
        }
        catch (CharacterCodingException ex) {
            return new Parsed(List.of(), "exchange.coa.notUtf8");
        }
        catch (IOException | RuntimeException ex) {
            return new Parsed(List.of(), "exchange.coa.unreadableCsv");
        }
        if (records.isEmpty()) {
            return new Parsed(List.of(), "exchange.partnerUpload.empty");
        }
        List<String> header = records.get(0).toList().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        if (header.size() < HEADER.size() || !header.subList(0, HEADER.size())
            .equals(HEADER.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList())) {
            return new Parsed(List.of(), "exchange.partnerUpload.header");
        }
        if (records.size() - 1 > MAX_LINES) {
            return new Parsed(List.of(), "exchange.partnerUpload.tooManyLines");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i).toList();
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            lines.add(line((int) records.get(i).getRecordNumber(), cells));
        }
        if (lines.isEmpty()) {
            return new Parsed(List.of(), "exchange.partnerUpload.empty");
        }
        return new Parsed(lines, null);
    }

    /** The column of the file a field of the API's report is read from. */
    static String column(String field) {
        return switch (field) {
            case "referralId" -> "Verwijzing";
            case "kind" -> "Soort";
            case "date", "until" -> "Datum";
            case "present" -> "Aanwezig";
            case "notified" -> "Afgemeld";
            case "classroomHours" -> "Klassikaal";
            case "onlineHours" -> "Online";
            case "skill", "part" -> "Onderdeel";
            case "level" -> "Niveau";
            case "passed" -> "Geslaagd";
            default -> field;
        };
    }

    private static Line line(int line, List<String> raw) {
        List<FieldError> errors = new ArrayList<>();
        String[] c = new String[HEADER.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = SafeCsv.restore(i < raw.size() ? raw.get(i).strip() : "").strip();
            if (c[i].length() > MAX_CELL) {
                errors.add(new FieldError(HEADER.get(i), "exchange.coa.tooLong"));
                c[i] = "";
            }
        }
        if (raw.size() > HEADER.size() && raw.subList(HEADER.size(), raw.size()).stream().anyMatch(s -> !s.isBlank())) {
            errors.add(new FieldError("Geslaagd", "exchange.partnerUpload.extraColumns"));
        }
        UUID referral = referral(c[0], errors);
        Kind kind = kind(c[1], errors);
        LocalDate day = CoaMatchList.date(c[2], "Datum", errors);
        Boolean present = yesNo(c[3], "Aanwezig", errors);
        Boolean notified = yesNo(c[4], "Afgemeld", errors);
        BigDecimal classroom = hours(c[5], "Klassikaal", errors);
        BigDecimal online = hours(c[6], "Online", errors);
        Skill skill = null;
        ExamPart part = null;
        if (kind == Kind.EXAM_RESULT) {
            part = part(c[7], errors);
        }
        else if (!c[7].isEmpty()) {
            skill = skill(c[7], errors);
        }
        LanguageLevel level = level(c[8], errors);
        Boolean passed = yesNo(c[9], "Geslaagd", errors);
        boolean hours = kind == Kind.LESSON_HOURS;
        Report report = new Report(referral, kind, hours ? null : day, present, notified, classroom, online,
                hours ? day : null, skill, level, part, passed);
        return new Line(line, report, errors);
    }

    private static @Nullable UUID referral(String value, List<FieldError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException ex) {
            errors.add(new FieldError("Verwijzing", "exchange.partnerUpload.referralForm"));
            return null;
        }
    }

    private static @Nullable Kind kind(String value, List<FieldError> errors) {
        return switch (value.toUpperCase(Locale.ROOT).replace(' ', '_')) {
            case "" -> null;
            case "AANWEZIGHEID", "ATTENDANCE" -> Kind.ATTENDANCE;
            case "LESUREN", "LESSON_HOURS" -> Kind.LESSON_HOURS;
            case "VOORTGANGSTOETS", "TOETS", "PROGRESS_TEST" -> Kind.PROGRESS_TEST;
            case "EXAMEN", "EXAMENUITSLAG", "EXAM_RESULT" -> Kind.EXAM_RESULT;
            default -> {
                errors.add(new FieldError("Soort", "exchange.partnerUpload.kind.invalid"));
                yield null;
            }
        };
    }

    private static @Nullable Boolean yesNo(String value, String column, List<FieldError> errors) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "ja", "j" -> true;
            case "nee", "n" -> false;
            default -> {
                errors.add(new FieldError(column, "exchange.partnerUpload.yesNo"));
                yield null;
            }
        };
    }

    /**
     * Hours with a decimal comma or point; thousands separators are refused, not guessed.
     */
    private static @Nullable BigDecimal hours(String value, String column, List<FieldError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("\\d{1,4}([.,]\\d{1,2})?")) {
            errors.add(new FieldError(column, "exchange.partnerReport.hours.range"));
            return null;
        }
        return new BigDecimal(value.replace(',', '.'));
    }

    private static @Nullable Skill skill(String value, List<FieldError> errors) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "lezen", "reading" -> Skill.READING;
            case "luisteren", "listening" -> Skill.LISTENING;
            case "schrijven", "writing" -> Skill.WRITING;
            case "spreken", "speaking" -> Skill.SPEAKING;
            default -> {
                errors.add(new FieldError("Onderdeel", "exchange.partnerUpload.skill"));
                yield null;
            }
        };
    }

    private static @Nullable ExamPart part(String value, List<FieldError> errors) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "lezen", "reading" -> ExamPart.READING;
            case "luisteren", "listening" -> ExamPart.LISTENING;
            case "schrijven", "writing" -> ExamPart.WRITING;
            case "spreken", "speaking" -> ExamPart.SPEAKING;
            case "knm" -> ExamPart.KNM;
            default -> {
                errors.add(new FieldError("Onderdeel", "exchange.partnerUpload.part"));
                yield null;
            }
        };
    }

    private static @Nullable LanguageLevel level(String value, List<FieldError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LanguageLevel.valueOf(value.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            errors.add(new FieldError("Niveau", "exchange.partnerUpload.level"));
            return null;
        }
    }

    private static List<CSVRecord> csv(byte[] content) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text = decoder.decode(ByteBuffer.wrap(content)).toString();
        if (text.startsWith(SafeCsv.BOM)) {
            text = text.substring(1);
        }
        try (Reader in = new StringReader(text);
                CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(in)) {
            return parser.getRecords();
        }
    }

}
