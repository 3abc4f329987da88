package nl.meedoen.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.network.Buddies;
import nl.meedoen.portal.internal.ResidentFiles;
import nl.meedoen.provisions.Provisions;
import nl.meedoen.residents.Residents;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Who helps me, on the pages: my buddy ({@code /mijn/maatje}) and the provisions in my
 * languages ({@code /mijn/voorzieningen}).
 */
@Controller
@PreAuthorize("hasRole('RESIDENT')")
class MyHelpPages {

    private final ResidentFiles files;

    private final Buddies buddies;

    private final Provisions provisions;

    private final Residents residents;

    private final AuditLog audit;

    MyHelpPages(ResidentFiles files, Buddies buddies, Provisions provisions, Residents residents, AuditLog audit) {
        this.files = files;
        this.buddies = buddies;
        this.provisions = provisions;
        this.residents = residents;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping("/mijn/maatje")
    String buddy(HttpServletRequest request, Model model) {
        UUID person = files.current();
        Locale locale = PortalPage.texts(request, model);
        model.addAttribute("buddy", HelpView.buddy(buddies.of(person), locale));
        audit.read(AuditAction.PORTAL_READ, person);
        return "portal/buddy";
    }

    @ShowsPersonData
    @GetMapping("/mijn/voorzieningen")
    String provisions(HttpServletRequest request, Model model) {
        UUID person = files.current();
        Locale locale = PortalPage.texts(request, model);
        List<String> languages = residents.contact(person).map(Residents.Contact::languages).orElse(List.of());
        model.addAttribute("view", HelpView.provisions(languages, provisions.offeredIn(languages), locale));
        audit.read(AuditAction.PORTAL_READ, person);
        return "portal/provisions";
    }

}
