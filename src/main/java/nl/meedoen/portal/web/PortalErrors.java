package nl.meedoen.portal.web;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The refusals of a portal form in the resident's words: each error of the form as a
 * portal text ({@code portal.error.<code>}), with the field it belongs to; a refusal the
 * portal does not word is the general "this did not work".
 */
final class PortalErrors {

    /** One refusal: the field (or null for the form) and its portal text key. */
    record Problem(@Nullable String field, String key) {
    }

    /** The codes the portal words in every language. */
    static final Set<String> WORDED = Set.of("portal.message.required", "portal.message.tooLong", "portal.change.empty",
            "portal.change.addressIncomplete", "portal.change.tooMany", "person.phone.invalid", "person.email.invalid",
            "person.postcode.invalid", "field.tooLong");

    private PortalErrors() {
    }

    static List<Problem> of(BindingResult errors) {
        return errors.getAllErrors().stream().map(error -> {
            String field = error instanceof FieldError f ? f.getField() : null;
            String code = error.getCode();
            return new Problem(field, "portal.error." + (code != null && WORDED.contains(code) ? code : "general"));
        }).distinct().toList();
    }

}
