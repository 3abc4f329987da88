package nl.meedoen.portal.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.audit.ShowsNoPersonData;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.portal.internal.ActivationLetterPdf;
import nl.meedoen.portal.internal.ActivationLetters;
import nl.meedoen.portal.internal.ActivationLetters.Outcome;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The activation letter on the pages: the caseworker's button on the person's file, and
 * {@code /mijn/activeren} (no login), where the resident enters the username and code of
 * the letter and chooses a password.
 */
@Controller
class ActivationPages {

    /** What the resident types; the password twice. */
    record ActivationForm(@Nullable String username, @Nullable String code, @Nullable String password,
            @Nullable String passwordRepeat) {

        @Override
        public String toString() {
            return "ActivationForm[" + username + "]";
        }
    }

    private final ActivationLetters letters;

    private final ActivationLetterPdf pdf;

    ActivationPages(ActivationLetters letters, ActivationLetterPdf pdf) {
        this.letters = letters;
        this.pdf = pdf;
    }

    @PreAuthorize("hasRole('CASEWORKER')")
    @PostMapping("/personen/{id}/activeringsbrief")
    @ResponseBody
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        return Letters.created(pdf.render(letters.issue(id)));
    }

    @ShowsNoPersonData("an empty form")
    @GetMapping("/mijn/activeren")
    String form(HttpServletRequest request, Model model) {
        PortalPage.texts(request, model);
        model.addAttribute("username", "");
        model.addAttribute("problems", List.of());
        return "portal/activate";
    }

    @PostMapping("/mijn/activeren")
    String activate(@ModelAttribute("form") ActivationForm form, BindingResult errors, HttpServletRequest request,
            Model model) {
        String password = form.password() == null ? "" : form.password();
        if (!password.equals(form.passwordRepeat() == null ? "" : form.passwordRepeat())) {
            errors.rejectValue("passwordRepeat", "portal.activate.repeat");
        }
        AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.REFUSED);
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> outcome.set(letters.activate(form.username(), form.code(), password)))) {
            if (outcome.get() == Outcome.ACTIVATED) {
                return "redirect:/inloggen?geactiveerd";
            }
            errors.reject("portal.activate.refused");
        }
        PortalPage.texts(request, model);
        model.addAttribute("username", form.username());
        model.addAttribute("problems",
                errors.getAllErrors()
                    .stream()
                    .map(e -> KNOWN.contains(e.getCode()) ? e.getCode() : "portal.activate.refused")
                    .distinct()
                    .map(code -> "portal.activate.error." + code.replace("portal.activate.", ""))
                    .toList());
        return "portal/activate";
    }

    /** The refusals the page words in the resident's language. */
    private static final Set<String> KNOWN = Set.of("portal.activate.refused", "portal.activate.repeat",
            "account.password.tooShort", "account.password.tooLong", "account.password.guessable",
            "account.username.taken");

}
