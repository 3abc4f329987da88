package nl.meedoen.trajectories.web;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.StaleVersionException;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * What the trajectory pages share for their forms: a change whose refusal becomes errors
 * beside the fields.
 */
final class PageForms {

    private PageForms() {
    }

    /**
     * Puts the empty form in the model unless the submitted one (with its errors) is
     * there already.
     */
    static void addIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    /**
     * Runs the change; a refusal is recorded on the form: a domain rule beside its field
     * (or above the form when the form has no such field), a conflict or another user's
     * earlier change above the form.
     */
    static boolean attempt(BindingResult errors, Runnable change) {
        try {
            change.run();
            return true;
        }
        catch (ConflictException ex) {
            errors.reject(ex.messageKey(), ex.arguments(), null);
        }
        catch (StaleVersionException ex) {
            errors.reject("form.stale");
        }
        catch (InvalidInputException ex) {
            ex.errors().forEach(e -> {
                if (errors.getFieldType(e.field()) != null || hasField(errors, e.field())) {
                    errors.rejectValue(e.field(), e.messageKey());
                }
                else {
                    errors.reject(e.messageKey());
                }
            });
        }
        return false;
    }

    private static boolean hasField(BindingResult errors, String field) {
        try {
            errors.getFieldValue(field);
            return true;
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

}
