package nl.meedoen.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.portal.internal.MessageExchange;
import nl.meedoen.portal.internal.ResidentFiles;
import nl.meedoen.referrals.OwnReferrals;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resident's consents and messages over JSON: always the logged-in resident's own
 * file, whatever the caller sends; texts in the language of {@code Accept-Language}.
 */
@RestController
@RequestMapping("/api/v1/my")
@PreAuthorize("hasRole('RESIDENT')")
@Tag(name = "Mijn Meedoen")
class MyExchangeApi {

    record Consent(UUID id, String provision, String partner, String purpose, List<String> sharedFields,
            LocalDate givenOn, @Nullable LocalDate validUntil, @Nullable LocalDate withdrawnOn, String referralStatus,
            String text) {
    }

    record Consents(List<Consent> items) {
    }

    record Withdrawal(LocalDate withdrawnOn) {
    }

    record Message(UUID id, boolean mine, String from, String text, Instant sentAt, boolean unread) {
    }

    record Messages(List<Message> items) {
    }

    record NewMessage(@Nullable String text) {
    }

    private final ResidentFiles files;

    private final OwnReferrals referrals;

    private final MessageExchange messages;

    private final AuditLog audit;

    MyExchangeApi(ResidentFiles files, OwnReferrals referrals, MessageExchange messages, AuditLog audit) {
        this.files = files;
        this.referrals = referrals;
        this.messages = messages;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping("/consents")
    @Operation(summary = "My consents", description = """
            Residents. Every consent the resident gave for sharing data with a partner: the referral it was given for \
            (its id is the consent's), the provision and partner, the purpose, the data shared (in words), since when, \
            until when (null: no end date), the day it was withdrawn (null: in force) and the referral's status. \
            Newest referral first.""")
    Consents consents(HttpServletRequest request) {
        UUID person = files.current();
        Locale locale = PortalLanguage.of(request);
        List<Consent> items = ReferralsView.of(referrals.of(person), locale)
            .items()
            .stream()
            .filter(i -> i.consent() != null)
            .map(i -> new Consent(i.id(), i.provision(), i.partner(), i.purpose(), i.shared(), i.consent().givenOn(),
                    i.consent().validUntil(), i.consent().withdrawnOn(), i.status(), i.consent().text()))
            .toList();
        audit.read(AuditAction.PORTAL_READ, person);
        return new Consents(items);
    }

    @PostMapping("/consents/{id}/withdrawal")
    @Operation(summary = "Withdraw a consent", description = """
            Residents. Withdraws the consent from today: the partner no longer sees the shared data of the referral, \
            unless another legal basis is recorded for it, and the referral's caseworker gets a task. Logged as the \
            resident's own act (PORTAL_UPDATE). Idempotent: a consent withdrawn before answers 200 with the day it was \
            withdrawn. 404 for an id that is not one of the resident's own consents.""")
    Withdrawal withdraw(@PathVariable UUID id) {
        return new Withdrawal(referrals.withdrawConsent(files.current(), id));
    }

    @ShowsPersonData
    @GetMapping("/messages")
    @Operation(summary = "My messages", description = """
            Residents. The exchange with the caseworkers of the file, oldest first (the latest 200): who wrote each \
            (mine, or the caseworker by role), the text, when, and whether the resident had not read it yet. Opening \
            the exchange marks the caseworker's messages read.""")
    Messages messages(HttpServletRequest request) {
        UUID person = files.current();
        MessagesView view = MessagesView.of(messages.open(person), PortalLanguage.of(request));
        audit.read(AuditAction.PORTAL_READ, person);
        return new Messages(view.items()
            .stream()
            .map(i -> new Message(i.id(), i.mine(), i.from(), i.text(), i.sentAt(), i.unread()))
            .toList());
    }

    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send a message to my caseworker", description = """
            Residents. Text only, 1 to 2000 characters. The caseworker of the trajectory (or else the caseworkers of \
            the file's team) gets a task; logged as the resident's own act (PORTAL_UPDATE). 400 for an empty or too \
            long text.""")
    Message send(@RequestBody NewMessage body, HttpServletRequest request) {
        var sent = messages.send(files.current(), body.text());
        var item = MessagesView.of(List.of(sent), PortalLanguage.of(request)).items().get(0);
        return new Message(item.id(), item.mine(), item.from(), item.text(), item.sentAt(), item.unread());
    }

}
