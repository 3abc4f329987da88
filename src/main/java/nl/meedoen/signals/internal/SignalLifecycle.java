package nl.meedoen.signals.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.signals.SignalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a caseworker does with a signal: acknowledge it (and snooze it until a day),
 * resolve it with a note, or dismiss it with a reason. The step is checked against where
 * the signal stands: a closed signal stays closed.
 */
@Component
public class SignalLifecycle {

    private final JdbcClient jdbc;

    private final Worklist worklist;

    private final AuditLog audit;

    private final Clock clock;

    SignalLifecycle(JdbcClient jdbc, Worklist worklist, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.worklist = worklist;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Moves a signal to {@code to}. OPEN may go to ACKNOWLEDGED, RESOLVED or DISMISSED;
     * ACKNOWLEDGED to RESOLVED or DISMISSED, or stay ACKNOWLEDGED with a new snooze date.
     * {@code until} (a day after today) snoozes an acknowledged signal; a dismissal needs
     * a reason in {@code note} (400); any other step is refused (409). With a version, a
     * stale one answers 412.
     */
    @Transactional
    public Worklist.Signal transition(CurrentUser user, UUID id, SignalStatus to, @Nullable String note,
            @Nullable LocalDate until, @Nullable Integer version) {
        Worklist.Signal signal = worklist.find(user, id).orElseThrow(NotFoundException::new);
        if (version != null && version != signal.version()) {
            throw new StaleVersionException();
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 1000) {
            throw new InvalidInputException("note", "field.tooLong");
        }
        LocalDate today = LocalDate.now(clock);
        boolean legal = switch (signal.status()) {
            case OPEN -> to != SignalStatus.OPEN;
            case ACKNOWLEDGED -> to != SignalStatus.OPEN && (to != SignalStatus.ACKNOWLEDGED || until != null);
            case RESOLVED, DISMISSED -> false;
        };
        if (!legal) {
            throw new ConflictException("signals.transition.illegal");
        }
        if (to == SignalStatus.DISMISSED && text == null) {
            throw new InvalidInputException("note", "signals.transition.reasonRequired");
        }
        if (until != null && (to != SignalStatus.ACKNOWLEDGED || !until.isAfter(today))) {
            throw new InvalidInputException("until", "signals.transition.untilInvalid");
        }
        boolean closes = to == SignalStatus.RESOLVED || to == SignalStatus.DISMISSED;
        int updated = jdbc.sql("""
                update signal set status = :to, note = coalesce(:note, note), snoozed_until = :until,
                    closed_on = :closed, version = version + 1
                where municipality_id = :m and id = :id and version = :version""")
            .param("to", to.name())
            .param("note", text)
            .param("until", until)
            .param("closed", closes ? today : null)
            .param("m", Tenancy.require())
            .param("id", id)
            .param("version", signal.version())
            .update();
        if (updated != 1) {
            throw new StaleVersionException();
        }
        if (signal.personId() != null) {
            audit.record(AuditAction.SIGNAL_UPDATE, signal.personId());
        }
        return worklist.find(user, id).orElseThrow(NotFoundException::new);
    }

}
