package nl.meedoen.identity.accounts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.Role;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.StaleVersionException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The functional administrator's account pages, and the page where anyone changes their
 * own password.
 */
@Controller
class AccountPages {

    private final AccountAdministration accounts;

    private final MessageSource messages;

    AccountPages(AccountAdministration accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
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
        return form(model, null, "", "", Role.CASEWORKER, null, null, true, 0, Map.of());
    }

    @PostMapping("/beheer/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam Role role,
            @RequestParam(required = false) @Nullable UUID teamId,
            @RequestParam(required = false) @Nullable UUID partnerId, @RequestParam String password, Model model) {
        try {
            accounts.create(username, displayName, role, teamId, partnerId, password);
            return "redirect:/beheer/accounts?opgeslagen";
        }
        catch (InvalidInputException ex) {
            return form(model, null, username, displayName, role, teamId, partnerId, true, 0, errors(ex));
        }
        catch (ConflictException ex) {
            return form(model, null, username, displayName, role, teamId, partnerId, true, 0,
                    Map.of("username", text(ex.messageKey())));
        }
    }

    @GetMapping("/beheer/accounts/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable UUID id, Model model) {
        AccountAdministration.AccountView account = accounts.account(id);
        return form(model, id, account.username(), account.displayName(), account.role(), account.teamId(),
                account.partnerId(), account.enabled(), account.version(), Map.of());
    }

    @PostMapping("/beheer/accounts/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String change(@PathVariable UUID id, @RequestParam int version, @RequestParam String displayName,
            @RequestParam Role role, @RequestParam(required = false) @Nullable UUID teamId,
            @RequestParam(required = false) @Nullable UUID partnerId,
            @RequestParam(defaultValue = "false") boolean enabled, Model model) {
        String username = accounts.account(id).username();
        try {
            accounts.change(id, version, displayName, role, teamId, partnerId, enabled);
            return "redirect:/beheer/accounts?opgeslagen";
        }
        catch (InvalidInputException ex) {
            return form(model, id, username, displayName, role, teamId, partnerId, enabled, version, errors(ex));
        }
        catch (ConflictException ex) {
            return form(model, id, username, displayName, role, teamId, partnerId, enabled, version,
                    Map.of("enabled", text(ex.messageKey())));
        }
        catch (StaleVersionException ex) {
            model.addAttribute("stale", true);
            return form(model, id, username, displayName, role, teamId, partnerId, enabled, version, Map.of());
        }
    }

    @PostMapping("/beheer/accounts/{id}/wachtwoord")
    @PreAuthorize("hasRole('ADMIN')")
    String resetPassword(@PathVariable UUID id, @RequestParam String password, Model model) {
        try {
            accounts.resetPassword(id, password);
            return "redirect:/beheer/accounts?opgeslagen";
        }
        catch (InvalidInputException ex) {
            AccountAdministration.AccountView account = accounts.account(id);
            return form(model, id, account.username(), account.displayName(), account.role(), account.teamId(),
                    account.partnerId(), account.enabled(), account.version(), errors(ex));
        }
    }

    @GetMapping("/wachtwoord")
    String passwordForm(@RequestParam(required = false) @Nullable String gewijzigd, Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("changed", gewijzigd != null);
        return "accounts/password";
    }

    @PostMapping("/wachtwoord")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String repeatPassword, Model model) {
        try {
            if (!newPassword.equals(repeatPassword)) {
                throw new InvalidInputException("repeatPassword", "account.password.mismatch");
            }
            accounts.changeOwnPassword(currentPassword, newPassword);
            return "redirect:/wachtwoord?gewijzigd";
        }
        catch (InvalidInputException ex) {
            model.addAttribute("errors", errors(ex));
            model.addAttribute("changed", false);
            return "accounts/password";
        }
    }

    private String form(Model model, @Nullable UUID id, String username, String displayName, Role role,
            @Nullable UUID teamId, @Nullable UUID partnerId, boolean enabled, int version, Map<String, String> errors) {
        model.addAttribute("accountId", id);
        model.addAttribute("username", username);
        model.addAttribute("displayName", displayName);
        model.addAttribute("role", role);
        model.addAttribute("teamId", teamId);
        model.addAttribute("enabled", enabled);
        model.addAttribute("version", version);
        model.addAttribute("roles", Role.values());
        model.addAttribute("teams", accounts.teams());
        model.addAttribute("partnerId", partnerId);
        model.addAttribute("partners", accounts.partnerOrganisations());
        model.addAttribute("errors", errors);
        model.addAttribute("minimumLength", AccountAdministration.MINIMUM_PASSWORD_LENGTH);
        return "accounts/form";
    }

    private Map<String, String> errors(InvalidInputException ex) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.errors().forEach(e -> errors.put(e.field(), text(e.messageKey())));
        return errors;
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, new Object[] { AccountAdministration.MINIMUM_PASSWORD_LENGTH }, key, locale);
    }

}
