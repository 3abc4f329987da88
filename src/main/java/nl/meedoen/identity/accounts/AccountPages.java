package nl.meedoen.identity.accounts;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.web.Forms;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The functional administrator's account pages, and the page where anyone changes their
 * own password.
 */
@Controller
class AccountPages {

    /**
     * An account as the form shows it; the username and password only when it is created.
     */
    record AccountForm(@Nullable String username, @Nullable String displayName,
            @NotNull(message = "{account.role.required}") @Nullable Role role, @Nullable UUID teamId,
            @Nullable UUID partnerId, @Nullable String password, @Nullable Boolean enabled, @Nullable Integer version) {

        static AccountForm of(AccountAdministration.AccountView account) {
            return new AccountForm(account.username(), account.displayName(), account.role(), account.teamId(),
                    account.partnerId(), null, account.enabled(), account.version());
        }
    }

    /** The administrator's new password for an account. */
    record ResetForm(@Nullable String password) {
    }

    /** A user's own new password, proven by the current one. */
    record PasswordForm(@Nullable String currentPassword, @Nullable String newPassword,
            @Nullable String repeatPassword) {
    }

    private final AccountAdministration accounts;

    AccountPages(AccountAdministration accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/beheer/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    String list(@RequestParam(required = false) @Nullable String opgeslagen, Model model) {
        model.addAttribute("accounts", accounts.accounts());
        model.addAttribute("saved", opgeslagen != null);
        return "accounts/list";
    }

    @GetMapping("/beheer/accounts/nieuw")
    @PreAuthorize("hasRole('ADMIN')")
    String newAccount(Model model) {
        model.addAttribute("account", new AccountForm("", "", Role.CASEWORKER, null, null, null, true, 0));
        return form(model, null);
    }

    @PostMapping("/beheer/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@Valid @ModelAttribute("account") AccountForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> accounts.create(text(form.username()),
                text(form.displayName()), form.role(), form.teamId(), form.partnerId(), text(form.password())))) {
            return "redirect:/beheer/accounts?opgeslagen";
        }
        return form(model, null);
    }

    @GetMapping("/beheer/accounts/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable UUID id, Model model) {
        model.addAttribute("account", AccountForm.of(accounts.account(id)));
        return form(model, id);
    }

    @PostMapping("/beheer/accounts/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String change(@PathVariable UUID id, @Valid @ModelAttribute("account") AccountForm form, BindingResult errors,
            Model model) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> accounts.change(id, form.version() == null ? 0 : form.version(), text(form.displayName()),
                        form.role(), form.teamId(), form.partnerId(), Boolean.TRUE.equals(form.enabled())))) {
            return "redirect:/beheer/accounts?opgeslagen";
        }
        return form(model, id);
    }

    @PostMapping("/beheer/accounts/{id}/wachtwoord")
    @PreAuthorize("hasRole('ADMIN')")
    String resetPassword(@PathVariable UUID id, @ModelAttribute("reset") ResetForm form, BindingResult errors,
            Model model) {
        if (Forms.attempt(errors, () -> accounts.resetPassword(id, text(form.password())))) {
            return "redirect:/beheer/accounts?opgeslagen";
        }
        model.addAttribute("account", AccountForm.of(accounts.account(id)));
        return form(model, id);
    }

    @GetMapping("/wachtwoord")
    String passwordForm(@RequestParam(required = false) @Nullable String gewijzigd, Model model) {
        model.addAttribute("passwords", new PasswordForm(null, null, null));
        model.addAttribute("changed", gewijzigd != null);
        return "accounts/password";
    }

    @PostMapping("/wachtwoord")
    String changePassword(@ModelAttribute("passwords") PasswordForm form, BindingResult errors, Model model,
            HttpSession session) {
        if (Forms.attempt(errors, () -> accounts.changeOwnPassword(text(form.currentPassword()),
                text(form.newPassword()), text(form.repeatPassword()), session.getId()))) {
            return "redirect:/wachtwoord?gewijzigd";
        }
        model.addAttribute("changed", false);
        return "accounts/password";
    }

    private String form(Model model, @Nullable UUID id) {
        Forms.addIfAbsent(model, "reset", new ResetForm(null));
        model.addAttribute("accountId", id);
        model.addAttribute("roles", Role.values());
        model.addAttribute("teams", accounts.teams());
        model.addAttribute("partners", accounts.partnerOrganisations());
        model.addAttribute("minimumLength", AccountAdministration.MINIMUM_PASSWORD_LENGTH);
        return "accounts/form";
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

}
