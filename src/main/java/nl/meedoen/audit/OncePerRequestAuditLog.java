package nl.meedoen.audit;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.audit.internal.ProcessingLog;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The {@link AuditLog} every module gets: it logs each read once per request — one entry
 * per person and action, however many handlers, tabs or shared pieces of one page show
 * that person — and hands the entries to the processing log, which writes them in the
 * caller's transaction. Changes are never collapsed. Outside a request (demo data, jobs)
 * nothing is collapsed either.
 */
@Primary
@Component
class OncePerRequestAuditLog implements AuditLog {

    private static final String SHOWN = OncePerRequestAuditLog.class.getName() + ".shown";

    private final ProcessingLog log;

    OncePerRequestAuditLog(ProcessingLog log) {
        this.log = log;
    }

    @Override
    public void record(AuditAction action, UUID personId) {
        log.record(action, personId);
    }

    @Override
    public void read(AuditAction action, UUID personId) {
        if (firstTimeInRequest(action, personId)) {
            log.read(action, personId);
        }
    }

    @Override
    public void read(AuditAction action, Collection<UUID> personIds) {
        List<UUID> unlogged = new LinkedHashSet<>(personIds).stream()
            .filter(personId -> firstTimeInRequest(action, personId))
            .toList();
        if (!unlogged.isEmpty()) {
            log.read(action, unlogged);
        }
    }

    private static boolean firstTimeInRequest(AuditAction action, UUID personId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Set<String> shown = (Set<String>) request.getAttribute(SHOWN, RequestAttributes.SCOPE_REQUEST);
        if (shown == null) {
            shown = new HashSet<>();
            request.setAttribute(SHOWN, shown, RequestAttributes.SCOPE_REQUEST);
        }
        return shown.add(action.name() + ":" + personId);
    }

}
