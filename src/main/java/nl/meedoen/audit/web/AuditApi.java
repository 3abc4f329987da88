package nl.meedoen.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.AuditSubjects;
import nl.meedoen.audit.ShowsNoPersonData;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.audit.internal.Anchors;
import nl.meedoen.audit.internal.ChainVerification;
import nl.meedoen.audit.internal.ProcessingLog;
import nl.meedoen.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The processing log for privacy officers: per person, and the integrity of the whole
 * chain.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('PRIVACY_OFFICER')")
@Tag(name = "Processing log", description = """
        The append-only, hash-chained log of every read and change of person data (AVG art. 30 and 32). Privacy \
        officers only; every other role answers 403.""")
class AuditApi {

    record Item(Instant at, String actor, String actorRole, String action, String purpose, String traceId) {
    }

    record Page(List<Item> items, int page, int size, long totalItems) {
    }

    record AnchorResult(Instant at, String hash) {
    }

    record VerificationResult(boolean valid, long entries, long chained, long pending, @Nullable Long firstBrokenEntry,
            @Nullable AnchorResult anchor) {
    }

    private final ProcessingLog log;

    private final AuditLog auditLog;

    private final AuditSubjects subjects;

    private final ChainVerification chain;

    AuditApi(ProcessingLog log, AuditLog auditLog, AuditSubjects subjects, ChainVerification chain) {
        this.log = log;
        this.auditLog = auditLog;
        this.subjects = subjects;
        this.chain = chain;
    }

    @GetMapping("/persons/{id}")
    @ShowsPersonData
    @Transactional
    @Operation(summary = "A person's log", description = """
            The entries about one person, newest first (size at most 500). This consultation is itself logged \
            (AUDIT_VIEW) and shows from the next one on. 404 for an unknown person or one of another \
            municipality.""")
    Page ofPerson(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        subjects.find(id).orElseThrow(NotFoundException::new);
        int safePage = Math.max(page, 0);
        int safeSize = Math.min(Math.max(size, 1), 500);
        List<Item> items = log.entriesOf(id, safePage, safeSize)
            .stream()
            .map(e -> new Item(e.at(), e.actor(), e.actorRole(), e.action(), e.purpose(), e.traceId()))
            .toList();
        long total = log.countOf(id);
        // This consultation is logged too; it shows from the next one on.
        auditLog.record(AuditAction.AUDIT_VIEW, id);
        return new Page(items, safePage, safeSize, total);
    }

    record ActorItem(Instant at, @Nullable UUID personId, @Nullable String account, String action,
            @Nullable String detail, String purpose, String traceId) {
    }

    record ActorPage(List<ActorItem> items, int page, int size, long totalItems) {
    }

    /** What one user processed, newest first. */
    @GetMapping("/actors/{username}")
    @ShowsPersonData
    @Operation(summary = "An employee's log", description = """
            What one user processed, newest first: for checking that files were opened only with reason. Each \
            person shown is logged (AUDIT_VIEW).""")
    ActorPage ofActor(@PathVariable String username, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        String actor = username.strip().toLowerCase(Locale.ROOT);
        int safePage = Math.max(page, 0);
        int safeSize = Math.min(Math.max(size, 1), 500);
        List<ActorItem> items = log.entriesBy(actor, safePage, safeSize)
            .stream()
            .map(e -> new ActorItem(e.at(), e.personId(), e.subjectAccount(), e.action(), e.detail(), e.purpose(),
                    e.traceId()))
            .toList();
        auditLog.read(AuditAction.AUDIT_VIEW,
                items.stream().map(ActorItem::personId).filter(java.util.Objects::nonNull).toList());
        return new ActorPage(items, safePage, safeSize, log.countBy(actor));
    }

    record AccountItem(Instant at, String actor, @Nullable String actorRole, String action, @Nullable String detail,
            String traceId) {
    }

    record AccountPage(List<AccountItem> items, int page, int size, long totalItems) {
    }

    /** What happened to one account: administration and security events. */
    @GetMapping("/accounts/{username}")
    @ShowsNoPersonData("an account's administration and logins, no person")
    @Operation(summary = "An account's log", description = """
            What happened to one account, newest first: created, role changed, password reset, disabled or \
            enabled by whom (ACCOUNT_ADMINISTRATION), approvals of a role that reads files, and its logins, \
            failures, blocks and single sign-on refusals (SECURITY_EVENT), with the detail of each. For checking \
            the separation of duties: an administrator's actions on accounts can be read here, not changed.""")
    AccountPage ofAccount(@PathVariable String username, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        String account = username.strip().toLowerCase(Locale.ROOT);
        int safePage = Math.max(page, 0);
        int safeSize = Math.min(Math.max(size, 1), 500);
        List<AccountItem> items = log.entriesAbout(account, safePage, safeSize)
            .stream()
            .map(e -> new AccountItem(e.at(), e.actor(), e.actorRole(), e.action(), e.detail(), e.traceId()))
            .toList();
        return new AccountPage(items, safePage, safeSize, log.countAbout(account));
    }

    @GetMapping("/verification")
    @ShowsNoPersonData("the chain's figures only")
    @Operation(summary = "Verify the chain", description = """
            Links the entries committed so far, then recomputes the municipality's keyed hash chain \
            (HMAC-SHA256) from one consistent snapshot: `entries` in the log, `chained` of them linked, `pending` \
            the ones committed after the linking (never counted as broken). `valid` is false when an entry or a \
            link was changed, removed or inserted (`firstBrokenEntry` names the first entry that fails; null when \
            links are missing at the end), or when the chain no longer holds the last daily `anchor` exported \
            outside the database (null before the first anchor). Privacy officer only; 403 otherwise.""")
    VerificationResult verification() {
        ChainVerification.Verification verification = chain.verify();
        Anchors.Anchor anchor = verification.anchor();
        return new VerificationResult(verification.valid(), verification.entries(), verification.chained(),
                verification.pending(), verification.firstBrokenEntry(),
                anchor == null ? null : new AnchorResult(anchor.at(), anchor.hash()));
    }

}
