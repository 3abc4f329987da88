package nl.meedoen.portal.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.network.Buddies;
import nl.meedoen.portal.internal.ResidentFiles;
import nl.meedoen.provisions.Provisions;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who helps me over JSON, for the resident: my buddy and the provisions in my languages.
 */
@RestController
@RequestMapping("/api/v1/my")
@PreAuthorize("hasRole('RESIDENT')")
@Tag(name = "Mijn Meedoen", description = """
        The resident's own portal: the logged-in resident's own file only (role RESIDENT), never another \
        person's. Every read is logged as the data subject's own access (PORTAL_READ).""")
class MyHelpApi {

    /** My buddy, or none. */
    record BuddyAnswer(HelpView.@Nullable BuddyItem buddy) {
    }

    /** The provisions in my languages (by name). */
    record ProvisionsAnswer(List<String> languages, List<HelpView.ProvisionItem> items) {
    }

    private final ResidentFiles files;

    private final Buddies buddies;

    private final Provisions provisions;

    private final Residents residents;

    private final AuditLog audit;

    MyHelpApi(ResidentFiles files, Buddies buddies, Provisions provisions, Residents residents, AuditLog audit) {
        this.files = files;
        this.buddies = buddies;
        this.provisions = provisions;
        this.residents = residents;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping("/buddy")
    @Operation(summary = "My buddy", description = """
            Residents. The volunteer of the resident's current buddy match (introduced or active), or buddy null: \
            the first name only, the role (code and roleText in words), since when, and the phone number and \
            e-mail address only when the volunteer agreed to share them (null otherwise).""")
    BuddyAnswer buddy(HttpServletRequest request) {
        UUID person = files.current();
        HelpView.BuddyItem buddy = HelpView.buddy(buddies.of(person), PortalLanguage.of(request));
        audit.read(AuditAction.PORTAL_READ, person);
        return new BuddyAnswer(buddy);
    }

    @ShowsPersonData
    @GetMapping("/provisions")
    @Operation(summary = "Provisions in my languages", description = """
            Residents. The active provisions of the municipality's directory offered in at least one of the \
            resident's languages (languages: their names), by domain and name: what each offers, for whom, in which \
            languages, what it costs, where and when, how to apply, and the organisation's phone and e-mail.""")
    ProvisionsAnswer provisions(HttpServletRequest request) {
        UUID person = files.current();
        List<String> languages = residents.contact(person).map(Residents.Contact::languages).orElse(List.of());
        HelpView.Directory view = HelpView.provisions(languages, provisions.offeredIn(languages),
                PortalLanguage.of(request));
        audit.read(AuditAction.PORTAL_READ, person);
        return new ProvisionsAnswer(view.languages(), view.items());
    }

}
