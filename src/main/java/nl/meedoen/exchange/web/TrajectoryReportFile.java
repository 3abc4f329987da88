package nl.meedoen.exchange.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.csv.ExportFormat;
import nl.meedoen.platform.csv.TableFile;
import nl.meedoen.trajectories.ExamPart;
import nl.meedoen.trajectories.ExemptPart;
import nl.meedoen.trajectories.TrajectoryReport;
import nl.meedoen.trajectories.TrajectoryReport.Done;
import nl.meedoen.trajectories.TrajectoryReport.Exam;
import nl.meedoen.trajectories.TrajectoryReport.Exemption;
import nl.meedoen.trajectories.TrajectoryReport.Line;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The trajectory report as a file, shared by the page and the API: the columns of
 * {@code docs/exchange.md} in a fixed order with fixed names (whatever the language of
 * the page), one row per person. The rows go from the database's cursor straight into a
 * temporary file (CSV or a streaming XLSX workbook), so the report is never held in
 * memory; once it is complete, every person in it is logged as {@code CHAIN_EXPORT} and
 * the file is answered and deleted.
 */
@Component
class TrajectoryReportFile {

    /** The longest period one file covers. */
    static final int MAX_YEARS = 5;

    static final List<String> HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("bsn", "v_nummer", "achternaam", "voornamen", "geboortedatum",
                "regime", "start_plicht", "inschrijving_brp", "brede_intake_afgerond", "pip_uiterlijk",
                "pip_vastgesteld", "pip_herzien", "leerroute", "leerroute_niveau", "termijn_start", "termijn_einde",
                "wisseltermijn", "onderwijsroute_afgerond"));
        for (ExamPart part : ExamPart.values()) {
            String name = examName(part);
            header.add("examen_" + name + "_resultaat");
            if (part != ExamPart.KNM) {
                header.add("examen_" + name + "_niveau");
            }
            header.add("examen_" + name + "_datum");
        }
        for (ExemptPart part : ExemptPart.values()) {
            header.add("vrijstelling_" + exemptName(part) + "_soort");
            header.add("vrijstelling_" + exemptName(part) + "_datum");
        }
        header.addAll(List.of("pvt_status", "pvt_ondertekend", "map_praktijkuren", "map_themas", "map_eindgesprek",
                "map_afgerond", "nt2_uren", "nt2_uren_klassikaal", "nt2_uren_stand", "nt2_600_uur_bereikt",
                "z_cursusuren", "z_participatieuren"));
        HEADER = List.copyOf(header);
    }

    private final TrajectoryReport report;

    private final AuditLog audit;

    TrajectoryReportFile(TrajectoryReport report, AuditLog audit) {
        this.report = report;
        this.audit = audit;
    }

    /** The period's file as the answer of a download, every person in it logged. */
    ResponseEntity<Resource> download(LocalDate from, LocalDate to, ExportFormat format) {
        check(from, to);
        Path file = temporary(format);
        try {
            List<UUID> persons = new ArrayList<>();
            try (OutputStream out = Files.newOutputStream(file);
                    TableFile table = TableFile.open(format, out, "trajecten", HEADER, 0)) {
                report.forPeriod(from, to, line -> {
                    persons.add(line.personId());
                    table.row(cells(line));
                });
                table.finish();
            }
            audit.read(AuditAction.CHAIN_EXPORT, persons);
            long size = Files.size(file);
            InputStream body = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
            return ResponseEntity.ok()
                .contentType(format.mediaType())
                .contentLength(size)
                .header("X-Row-Count", Integer.toString(persons.size()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                            .filename("trajecten-" + from + "-" + to + format.extension())
                            .build()
                            .toString())
                .body(new InputStreamResource(body));
        }
        catch (IOException ex) {
            delete(file);
            throw new UncheckedIOException(ex);
        }
        catch (RuntimeException ex) {
            delete(file);
            throw ex;
        }
    }

    /** A period runs forwards and covers at most {@link #MAX_YEARS} years. */
    static void check(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "exchange.export.toBeforeFrom");
        }
        if (!to.isBefore(from.plusYears(MAX_YEARS))) {
            throw new InvalidInputException("to", "exchange.export.tooLong");
        }
    }

    static List<@Nullable Object> cells(Line line) {
        List<@Nullable Object> cells = new ArrayList<>(HEADER.size());
        cells.addAll(List.of(text(line.bsn()), text(line.vNumber()), line.familyName(), line.givenNames(),
                line.dateOfBirth().toString(), line.regime().name(), line.dutyStart().toString(),
                line.brpRegistration().toString()));
        cells.add(text(line.broadIntakeCompletedOn()));
        cells.add(text(line.planDueDate()));
        cells.add(text(line.planAdoptedOn()));
        cells.add(text(line.planRevisedOn()));
        cells.add(line.route() == null ? "" : line.route().name());
        cells.add(text(line.routeLevel()));
        cells.add(text(line.periodStart()));
        cells.add(text(line.periodEnd()));
        cells.add(text(line.routeSwitchDeadline()));
        cells.add(text(line.onderwijsCompletedOn()));
        for (ExamPart part : ExamPart.values()) {
            Exam exam = line.exams().get(part);
            cells.add(exam == null ? "" : exam.outcome().name());
            if (part != ExamPart.KNM) {
                cells.add(exam == null ? "" : text(exam.level()));
            }
            cells.add(exam == null ? "" : exam.takenOn().toString());
        }
        for (ExemptPart part : ExemptPart.values()) {
            Exemption exemption = line.exemptions().get(part);
            cells.add(exemption == null ? "" : exemption.kind().name());
            cells.add(exemption == null ? "" : exemption.decidedOn().toString());
        }
        cells.add(line.pvt().name());
        cells.add(text(line.pvtSignedOn()));
        cells.add(line.mapPracticalHours());
        cells.add(line.mapThemesDone());
        cells.add(text(line.mapInterviewOn()));
        cells.add(done(line.mapDone()));
        cells.add(line.lessonHours());
        cells.add(line.classroomHours());
        cells.add(text(line.lessonHoursAsOf()));
        cells.add(line.stepDownHoursReached() ? "ja" : "nee");
        cells.add(line.zCourseHours());
        cells.add(line.zParticipationHours());
        return cells;
    }

    private static String done(@Nullable Done done) {
        if (done == null) {
            return "";
        }
        return switch (done) {
            case YES -> "ja";
            case NO -> "nee";
            case EXEMPT -> "vrijgesteld";
        };
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    private static String examName(ExamPart part) {
        return switch (part) {
            case READING -> "lezen";
            case LISTENING -> "luisteren";
            case WRITING -> "schrijven";
            case SPEAKING -> "spreken";
            case KNM -> "knm";
        };
    }

    private static String exemptName(ExemptPart part) {
        return switch (part) {
            case WHOLE_DUTY -> "plicht";
            case LEARNING_ROUTE -> "leerroute";
            case KNM -> "knm";
            case MAP -> "map";
            case PVT -> "pvt";
        };
    }

    private static Path temporary(ExportFormat format) {
        try {
            return Files.createTempFile("meedoen-trajecten-", format.extension());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            // the temporary directory's own cleaning takes it
        }
    }

}
