package nl.meedoen.platform.web;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.PropertyDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Whether a form field must be filled in, read from the form's own validation rules, so
 * the mark beside a label can never disagree with the message a save gives
 * ({@code ${@requiredFields.of(form, 'givenName')}} in the form fragments).
 */
@Component("requiredFields")
public class RequiredFields {

    private static final Set<Class<? extends Annotation>> REQUIRING = Set.of(NotNull.class, NotBlank.class,
            NotEmpty.class);

    private final Validator validator;

    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    RequiredFields(Validator validator) {
        this.validator = validator;
    }

    /** Whether the field (a property name, not a nested path) of the form is required. */
    public boolean of(@Nullable Object form, String field) {
        if (form == null || field.contains(".") || field.contains("[")) {
            return false;
        }
        Class<?> type = form.getClass();
        return known.computeIfAbsent(type.getName() + "#" + field, key -> required(type, field));
    }

    private boolean required(Class<?> type, String field) {
        PropertyDescriptor property = validator.getConstraintsForClass(type).getConstraintsForProperty(field);
        return property != null && property.getConstraintDescriptors()
            .stream()
            .anyMatch(constraint -> REQUIRING.contains(constraint.getAnnotation().annotationType())
                    && constraint.getGroups()
                        .stream()
                        .allMatch(group -> group == jakarta.validation.groups.Default.class));
    }

}
