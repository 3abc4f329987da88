package nl.meedoen.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.housing.HousingMatches;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.UnprocessableException;
import nl.meedoen.residents.ResidentIntake;
import nl.meedoen.residents.ResidentIntake.Member;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The COA match list import: an upload is read and previewed (per row a new person, an
 * existing person matched on V-number or BSN, or an error with its reason, and the
 * households the rows form) and kept until a caseworker of the uploader's team confirms
 * it, once. The confirmation checks the whole file again, then writes persons,
 * households, housing matches and remarks in one transaction: a row that fails writes
 * nothing of the file. A person, household or match that is already as the file says is
 * left alone, so the same file twice changes nothing.
 */
@Service
public class CoaImports {

    public enum Outcome {

        NEW, EXISTING, ERROR

    }

    public enum Status {

        PREVIEWED, CONFIRMED

    }

    /** What the confirmation does with one row. */
    public record RowOutcome(int line, Outcome outcome, @Nullable String field, @Nullable String messageKey,
            @Nullable UUID personId, @Nullable Integer personVersion, @Nullable String householdKey, String name,
            boolean hasRemark) {
    }

    /**
     * A household the rows form: its key in the file, its lines, and whether it exists.
     */
    public record HouseholdPreview(String key, List<Integer> lines, boolean existing) {
    }

    /** What a confirmation did. */
    public record Result(int personsCreated, int personsUpdated, int households, int matches) {
    }

    /** An import as the uploader's team sees it. */
    public record Preview(UUID id, int version, String fileName, Status status, List<RowOutcome> rows,
            List<HouseholdPreview> households, int rowsDone, @Nullable Result result) {

        public long errors() {
            return rows.stream().filter(r -> r.outcome() == Outcome.ERROR).count();
        }

        public List<UUID> existingPersons() {
            return rows.stream().map(RowOutcome::personId).filter(Objects::nonNull).toList();
        }
    }

    /** An import in the list of the team's uploads. */
    public record Summary(UUID id, String fileName, Status status, int rows, int errors,
            java.time.OffsetDateTime uploadedAt) {
    }

    /** The remarks of a person's COA profile. */
    public record Remark(String text, LocalDate recordedOn) {
    }

    /** At most this many bytes in one file. */
    public static final int MAX_BYTES = 1_048_576;

    private static final int PROGRESS_EVERY = 100;

    private final JdbcClient jdbc;

    private final ResidentIntake intake;

    private final HousingMatches housing;

    private final ImportProgress progress;

    private final CoaRowRules rules;

    private final AuditLog audit;

    private final Clock clock;

    CoaImports(JdbcClient jdbc, ResidentIntake intake, HousingMatches housing, ImportProgress progress,
            CoaRowRules rules, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.housing = housing;
        this.progress = progress;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reads and previews a file; nothing but the preview is written. A file that cannot
     * be read at all answers 400 (field {@code file}).
     */
    @Transactional
    public Preview upload(byte[] content, String fileName) {
        if (content.length == 0) {
            throw new InvalidInputException("file", "exchange.coa.noFile");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("file", "exchange.coa.tooLarge");
        }
        CoaMatchList.Parsed parsed = CoaMatchList.parse(content, fileName);
        if (parsed.fileErrorKey() != null) {
            throw new InvalidInputException("file", parsed.fileErrorKey());
        }
        List<RowOutcome> rows = rules.evaluate(parsed.rows());
        UUID municipality = Tenancy.require();
        UUID id = UUID.randomUUID();
        CurrentUser user = CurrentUser.current().orElseThrow();
        String name = fileName.isBlank() ? "koppellijst" : fileName.strip();
        jdbc.sql("""
                insert into coa_import (id, municipality_id, team_id, uploaded_by, file_name, file_sha256, content,
                    rows_total, rows_error)
                values (:id, :m, :team, :user, :name, :sha, :content, :total, :errors)""")
            .param("id", id)
            .param("m", municipality)
            .param("team", user.teamId())
            .param("user", user.id())
            .param("name", name.length() > 255 ? name.substring(0, 255) : name)
            .param("sha", sha256(content))
            .param("content", content)
            .param("total", rows.size())
            .param("errors", (int) rows.stream().filter(r -> r.outcome() == Outcome.ERROR).count())
            .update();
        for (RowOutcome row : rows) {
            jdbc.sql("""
                    insert into coa_import_row (municipality_id, import_id, line, outcome, field, message_key,
                        person_id, person_version, household_key)
                    values (:m, :id, :line, :outcome, :field, :key, :person, :version, :household)""")
                .param("m", municipality)
                .param("id", id)
                .param("line", row.line())
                .param("outcome", row.outcome().name())
                .param("field", row.field())
                .param("key", row.messageKey())
                .param("person", row.personId())
                .param("version", row.personVersion())
                .param("household", row.householdKey())
                .update();
        }
        jdbc.sql("insert into coa_import_progress (import_id, municipality_id) values (:id, :m)")
            .param("id", id)
            .param("m", municipality)
            .update();
        return new Preview(id, 0, name, Status.PREVIEWED, rows, CoaRowRules.households(parsed.rows(), rows), 0, null);
    }

    /** An import of the caller's team; 404 for any other. */
    @Transactional(readOnly = true)
    public Preview find(UUID importId) {
        Stored stored = stored(importId, false);
        List<RowOutcome> rows = new ArrayList<>();
        List<CoaRow> parsed = stored.content() == null ? List.of()
                : CoaMatchList.parse(stored.content(), stored.fileName()).rows();
        Map<Integer, CoaRow> byLine = new HashMap<>();
        parsed.forEach(r -> byLine.put(r.line(), r));
        jdbc.sql("""
                select line, outcome, field, message_key, person_id, person_version, household_key
                from coa_import_row where municipality_id = :m and import_id = :id order by line""")
            .param("m", Tenancy.require())
            .param("id", importId)
            .query((rs, n) -> {
                int line = rs.getInt("line");
                CoaRow row = byLine.get(line);
                Integer version = (Integer) rs.getObject("person_version");
                return new RowOutcome(line, Outcome.valueOf(rs.getString("outcome")), rs.getString("field"),
                        rs.getString("message_key"), rs.getObject("person_id", UUID.class), version,
                        rs.getString("household_key"), row == null ? "" : row.name(),
                        row != null && row.remark() != null);
            })
            .list()
            .forEach(rows::add);
        return new Preview(importId, stored.version(), stored.fileName(), stored.status(), rows,
                CoaRowRules.households(parsed, rows), progress.done(importId), stored.result());
    }

    /** The caller's team's latest uploads, newest first. */
    @Transactional(readOnly = true)
    public List<Summary> latest(int limit) {
        return jdbc.sql("""
                select id, file_name, status, rows_total, rows_error, uploaded_at from coa_import
                where municipality_id = :m and (cast(:team as uuid) is null or team_id = cast(:team as uuid))
                order by uploaded_at desc limit :limit""")
            .param("m", Tenancy.require())
            .param("team", teamScope())
            .param("limit", limit)
            .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("file_name"),
                    Status.valueOf(rs.getString("status")), rs.getInt("rows_total"), rs.getInt("rows_error"),
                    rs.getObject("uploaded_at", java.time.OffsetDateTime.class)))
            .list();
    }

    /**
     * Confirms a previewed import, once (409 after that): writes the whole file in this
     * one transaction. A file with errors is refused (422); a file whose persons changed
     * since the preview answers 409 and asks for a new upload; a row the files refuse at
     * this point rolls everything back and names its line.
     */
    @Transactional
    public Result confirm(UUID importId, @Nullable Integer expectedVersion) {
        Stored stored = stored(importId, true);
        if (stored.status() == Status.CONFIRMED) {
            throw new ConflictException("exchange.import.confirmedAlready");
        }
        if (expectedVersion != null && expectedVersion != stored.version()) {
            throw new StaleVersionException();
        }
        if (stored.rowsError() > 0) {
            throw new UnprocessableException("exchange.import.hasErrors");
        }
        List<CoaRow> parsed = CoaMatchList.parse(Objects.requireNonNull(stored.content()), stored.fileName()).rows();
        List<RowOutcome> now = rules.evaluate(parsed);
        List<RowOutcome> then = find(importId).rows();
        if (!CoaRowRules.sameDecisions(now, then)) {
            throw new ConflictException("exchange.import.changedSincePreview");
        }
        try {
            Result result = apply(importId, parsed, now);
            int updated = jdbc.sql("""
                    update coa_import set status = 'CONFIRMED', content = null, confirmed_at = now(),
                        result = cast(:result as jsonb), version = version + 1
                    where municipality_id = :m and id = :id and status = 'PREVIEWED'""")
                .param("result", "{\"personsCreated\":%d,\"personsUpdated\":%d,\"households\":%d,\"matches\":%d}"
                    .formatted(result.personsCreated(), result.personsUpdated(), result.households(), result.matches()))
                .param("m", Tenancy.require())
                .param("id", importId)
                .update();
            if (updated != 1) {
                throw new ConflictException("exchange.import.confirmedAlready");
            }
            progress.report(importId, parsed.size());
            return result;
        }
        catch (RuntimeException ex) {
            progress.report(importId, 0);
            throw ex;
        }
    }

    /** The remarks of a person's COA profile, if a list brought any. */
    @Transactional(readOnly = true)
    public Optional<Remark> remark(UUID personId) {
        return jdbc.sql("select remark, recorded_on from coa_remark where municipality_id = :m and person_id = :p")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query((rs, n) -> new Remark(rs.getString("remark"), rs.getObject("recorded_on", LocalDate.class)))
            .optional();
    }

    private Result apply(UUID importId, List<CoaRow> rows, List<RowOutcome> outcomes) {
        int created = 0;
        int updated = 0;
        Map<Integer, UUID> personOf = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < rows.size(); i++) {
            CoaRow row = rows.get(i);
            RowOutcome outcome = outcomes.get(i);
            UUID personId;
            try {
                if (outcome.outcome() == Outcome.NEW) {
                    personId = intake.register(row.registration());
                    created++;
                }
                else {
                    personId = Objects.requireNonNull(outcome.personId());
                    if (intake.update(personId, Objects.requireNonNull(outcome.personVersion()), row.registration())) {
                        updated++;
                    }
                }
                if (row.remark() != null) {
                    remember(importId, personId, row.remark(), today);
                }
            }
            catch (RuntimeException ex) {
                throw CoaRowRules.failedAt(row.line(), ex);
            }
            personOf.put(row.line(), personId);
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.report(importId, i + 1);
            }
        }
        int households = 0;
        int matches = 0;
        for (List<CoaRow> group : CoaRowRules.groups(rows).values()) {
            CoaRow first = group.get(0);
            List<UUID> persons = group.stream().map(r -> personOf.get(r.line())).toList();
            try {
                if (first.householdKey() != null && intake.household(group.stream()
                    .map(r -> new Member(personOf.get(r.line()), Objects.requireNonNull(r.relation())))
                    .toList())) {
                    households++;
                }
                Set<UUID> matched = housing.matched(persons);
                List<UUID> toMatch = persons.stream().filter(p -> !matched.contains(p)).toList();
                if (!toMatch.isEmpty()) {
                    housing.match(toMatch, Objects.requireNonNull(first.matchDate()),
                            group.stream().anyMatch(CoaRow::lateJoiner));
                    matches++;
                }
            }
            catch (RuntimeException ex) {
                throw CoaRowRules.failedAt(first.line(), ex);
            }
        }
        return new Result(created, updated, households, matches);
    }

    private void remember(UUID importId, UUID personId, String remark, LocalDate today) {
        int changed = jdbc.sql("""
                insert into coa_remark (municipality_id, person_id, remark, import_id, recorded_on)
                values (:m, :p, :remark, :import, :today)
                on conflict (municipality_id, person_id) do update
                    set remark = excluded.remark, import_id = excluded.import_id, recorded_on = excluded.recorded_on
                    where coa_remark.remark <> excluded.remark""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("remark", remark)
            .param("import", importId)
            .param("today", today)
            .update();
        if (changed > 0) {
            audit.record(AuditAction.COA_IMPORT, personId);
        }
    }

    private record Stored(String fileName, Status status, int version, int rowsError, byte @Nullable [] content,
            @Nullable Result result) {
    }

    private Stored stored(UUID importId, boolean forUpdate) {
        return jdbc
            .sql("""
                    select file_name, status, version, rows_error, content,
                        (result ->> 'personsCreated')::int as created, (result ->> 'personsUpdated')::int as updated,
                        (result ->> 'households')::int as households, (result ->> 'matches')::int as matches
                    from coa_import
                    where municipality_id = :m and id = :id and (cast(:team as uuid) is null or team_id = cast(:team as uuid))
                    """
                    + (forUpdate ? " for update" : ""))
            .param("m", Tenancy.require())
            .param("id", importId)
            .param("team", teamScope())
            .query((rs, n) -> new Stored(rs.getString("file_name"), Status.valueOf(rs.getString("status")),
                    rs.getInt("version"), rs.getInt("rows_error"), rs.getBytes("content"),
                    rs.getObject("created") == null ? null
                            : new Result(rs.getInt("created"), rs.getInt("updated"), rs.getInt("households"),
                                    rs.getInt("matches"))))
            .optional()
            .orElseThrow(NotFoundException::new);
    }

    private static @Nullable String teamScope() {
        return Tenancy.teamScope().map(UUID::toString).orElse(null);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
