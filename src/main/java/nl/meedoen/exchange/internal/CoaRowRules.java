package nl.meedoen.exchange.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.exchange.internal.CoaImports.HouseholdPreview;
import nl.meedoen.exchange.internal.CoaImports.Outcome;
import nl.meedoen.exchange.internal.CoaImports.RowOutcome;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.UnprocessableException;
import nl.meedoen.residents.HouseholdRole;
import nl.meedoen.residents.ResidentIntake;
import nl.meedoen.residents.ResidentIntake.Known;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The rules a COA match list's rows are judged by, at the preview and again at the
 * confirmation: each row's own form and the residents' rules for a registration, numbers
 * twice in the file, the match by V-number or BSN against the files, and per household
 * one head, one match date and at most one existing household.
 */
@Component
class CoaRowRules {

    private final ResidentIntake intake;

    private final Clock clock;

    CoaRowRules(ResidentIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * The rows by household: the rows sharing a key, and each row without one on its own,
     * in the order of the file.
     */
    static Map<String, List<CoaRow>> groups(List<CoaRow> rows) {
        Map<String, List<CoaRow>> groups = new LinkedHashMap<>();
        for (CoaRow row : rows) {
            String key = row.householdKey() != null ? "h:" + row.householdKey() : "line:" + row.line();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    List<RowOutcome> evaluate(List<CoaRow> rows) {
        LocalDate today = LocalDate.now(clock);
        Map<Integer, RowOutcome> outcomes = new LinkedHashMap<>();
        Map<String, Integer> bsnLines = new HashMap<>();
        Map<String, Integer> vLines = new HashMap<>();
        Map<Integer, Known> known = new HashMap<>();
        for (CoaRow row : rows) {
            List<FieldError> errors = new ArrayList<>(row.errors());
            if (errors.isEmpty()) {
                for (FieldError e : intake.check(row.registration())) {
                    errors.add(new FieldError(column(e.field()), e.messageKey()));
                }
            }
            if (errors.isEmpty() && row.matchDate() != null && row.matchDate().isAfter(today)) {
                errors.add(new FieldError("Koppeldatum", "exchange.coa.matchDateFuture"));
            }
            boolean bsnTwice = row.bsn() != null && bsnLines.putIfAbsent(row.bsn(), row.line()) != null;
            boolean vNumberTwice = row.vNumber() != null && vLines.putIfAbsent(row.vNumber(), row.line()) != null;
            if (errors.isEmpty() && bsnTwice) {
                errors.add(new FieldError("BSN", "exchange.coa.twiceInFile"));
            }
            if (errors.isEmpty() && vNumberTwice) {
                errors.add(new FieldError("V-nummer", "exchange.coa.twiceInFile"));
            }
            Known found = null;
            if (errors.isEmpty()) {
                try {
                    found = intake.lookup(row.registration()).orElse(null);
                }
                catch (ConflictException ex) {
                    errors.add(new FieldError("BSN", ex.messageKey()));
                }
            }
            if (found != null) {
                known.put(row.line(), found);
            }
            outcomes.put(row.line(),
                    errors.isEmpty() ? new RowOutcome(row.line(), found == null ? Outcome.NEW : Outcome.EXISTING, null,
                            null, found == null ? null : found.personId(), found == null ? null : found.version(),
                            row.householdKey(), row.name(), row.remark() != null) : error(row, errors.get(0)));
        }
        for (List<CoaRow> group : groups(rows).values()) {
            if (group.get(0).householdKey() == null) {
                continue;
            }
            boolean head = false;
            for (CoaRow row : group) {
                if (row.relation() == HouseholdRole.HEAD) {
                    if (head) {
                        refuse(outcomes, row, "Relatie", "exchange.coa.secondHead");
                    }
                    head = true;
                }
                if (!Objects.equals(row.matchDate(), group.get(0).matchDate())) {
                    refuse(outcomes, row, "Koppeldatum", "exchange.coa.householdDates");
                }
            }
            Set<UUID> existing = new LinkedHashSet<>();
            group.stream()
                .map(r -> known.get(r.line()))
                .filter(k -> k != null && k.householdId() != null)
                .forEach(k -> existing.add(k.householdId()));
            if (existing.size() > 1) {
                group.forEach(r -> refuse(outcomes, r, "Huishouden", "exchange.household.split"));
            }
        }
        return List.copyOf(outcomes.values());
    }

    private static void refuse(Map<Integer, RowOutcome> outcomes, CoaRow row, String field, String key) {
        if (outcomes.get(row.line()).outcome() != Outcome.ERROR) {
            outcomes.put(row.line(), error(row, new FieldError(field, key)));
        }
    }

    private static RowOutcome error(CoaRow row, FieldError error) {
        return new RowOutcome(row.line(), Outcome.ERROR, error.field(), error.messageKey(), null, null,
                row.householdKey(), row.name(), row.remark() != null);
    }

    static List<HouseholdPreview> households(List<CoaRow> parsed, List<RowOutcome> rows) {
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        Map<String, Boolean> existing = new HashMap<>();
        for (RowOutcome row : rows) {
            if (row.householdKey() != null) {
                lines.computeIfAbsent(row.householdKey(), k -> new ArrayList<>()).add(row.line());
                existing.merge(row.householdKey(), row.outcome() == Outcome.EXISTING, Boolean::logicalOr);
            }
        }
        return lines.entrySet()
            .stream()
            .map(e -> new HouseholdPreview(e.getKey(), List.copyOf(e.getValue()), existing.get(e.getKey())))
            .toList();
    }

    static boolean sameDecisions(List<RowOutcome> now, List<RowOutcome> then) {
        if (now.size() != then.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            RowOutcome a = now.get(i);
            RowOutcome b = then.get(i);
            if (a.line() != b.line() || a.outcome() != b.outcome() || !Objects.equals(a.personId(), b.personId())
                    || !Objects.equals(a.personVersion(), b.personVersion())) {
                return false;
            }
        }
        return true;
    }

    /** A refusal of the files at one line: nothing of the file is written. */
    static ConflictException failedAt(int line, RuntimeException ex) {
        String key;
        if (ex instanceof ConflictException conflict) {
            key = conflict.messageKey();
        }
        else if (ex instanceof InvalidInputException invalid) {
            key = invalid.errors().get(0).messageKey();
        }
        else if (ex instanceof UnprocessableException unprocessable) {
            key = unprocessable.messageKey();
        }
        else if (ex instanceof StaleVersionException || ex instanceof OptimisticLockingFailureException) {
            key = "exchange.import.changedSincePreview";
        }
        else if (ex instanceof NotFoundException) {
            key = "exchange.import.personGone";
        }
        else {
            throw ex;
        }
        return new ConflictException("exchange.import.failedAtLine", String.valueOf(line),
                new DefaultMessageSourceResolvable(key));
    }

    /** The column of the list a rule of the file's form is about. */
    static String column(String field) {
        return switch (field) {
            case "givenName" -> "Voornamen";
            case "familyName" -> "Achternaam";
            case "dateOfBirth" -> "Geboortedatum";
            case "gender" -> "Geslacht";
            case "vNumber" -> "V-nummer";
            case "nationality" -> "Nationaliteit";
            case "languages" -> "Talen";
            default -> "BSN";
        };
    }

}
