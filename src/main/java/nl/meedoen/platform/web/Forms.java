package nl.meedoen.platform.web;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.VersionRequiredException;
import nl.meedoen.platform.UnprocessableException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page carries out a change and shows a refusal: the one place where the domain's
 * exceptions become form errors or a message on the next page. A page never catches them
 * itself.
 *
 * <ul>
 * <li>A form with fields: {@link #attempt(BindingResult, Runnable)} puts a broken rule
 * beside its field (or in the error summary when the form has no such field) and a
 * conflict or another user's earlier change above the form; the page renders the form
 * again with {@code fragments/forms :: errorSummary}.</li>
 * <li>A button without fields: {@link #attempt(RedirectAttributes, String, Runnable)}
 * flashes {@code saved} or {@code problem} (with {@code problemArgs}) for the page it
 * redirects to, shown by {@code fragments/forms :: outcome}.</li>
 * </ul>
 */
public final class Forms {

    /**
     * Message key shown when someone else changed the record after the form was opened.
     */
    public static final String STALE = "form.stale";

    private Forms() {
    }

    /**
     * Puts the empty form in the model unless the submitted one (with its errors) is
     * there already, after a redirect that kept it.
     */
    public static void addIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    /**
     * Runs the change; a refusal is recorded on the form. Returns whether the change went
     * through, so that the handler either redirects or renders the form again.
     */
    public static boolean attempt(BindingResult errors, Runnable change) {
        try {
            change.run();
            return true;
        }
        catch (InvalidInputException ex) {
            ex.errors().forEach(e -> {
                if (hasField(errors, e.field())) {
                    errors.rejectValue(e.field(), e.messageKey());
                }
                else {
                    errors.reject(e.messageKey());
                }
            });
        }
        catch (ConflictException ex) {
            errors.reject(ex.messageKey(), ex.arguments(), null);
        }
        catch (UnprocessableException ex) {
            errors.reject(ex.messageKey());
        }
        catch (StaleVersionException | VersionRequiredException | OptimisticLockingFailureException ex) {
            errors.reject(STALE);
        }
        return false;
    }

    /**
     * Runs the change behind a button; on the page redirected to, {@code saved} carries
     * {@code savedKey}, or {@code problem} the refusal's message key. Returns whether the
     * change went through.
     */
    public static boolean attempt(RedirectAttributes redirect, String savedKey, Runnable change) {
        @Nullable Problem problem = refusal(change);
        if (problem == null) {
            redirect.addFlashAttribute("saved", savedKey);
            return true;
        }
        redirect.addFlashAttribute("problem", problem.messageKey());
        if (problem.arguments().length > 0) {
            redirect.addFlashAttribute("problemArgs", problem.arguments());
        }
        return false;
    }

    /**
     * Runs the change and answers why it was refused, or {@code null} when it went
     * through: for pages that show the refusal some other way (a query parameter, an
     * anchor).
     */
    public static @Nullable Problem refusal(Runnable change) {
        try {
            change.run();
            return null;
        }
        catch (InvalidInputException ex) {
            return new Problem(ex.errors().get(0).messageKey(), new Object[0]);
        }
        catch (ConflictException ex) {
            return new Problem(ex.messageKey(), ex.arguments());
        }
        catch (UnprocessableException ex) {
            return new Problem(ex.messageKey(), new Object[0]);
        }
        catch (StaleVersionException | VersionRequiredException | OptimisticLockingFailureException ex) {
            return new Problem(STALE, new Object[0]);
        }
    }

    /** Why a change was refused: a message key and its arguments. */
    public record Problem(String messageKey, Object[] arguments) {
    }

    private static boolean hasField(BindingResult errors, String field) {
        try {
            if (errors.getFieldType(field) != null) {
                return true;
            }
            errors.getFieldValue(field);
            return true;
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

}
