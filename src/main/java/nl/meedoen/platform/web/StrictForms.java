package nl.meedoen.platform.web;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Holds the text of every validated form ({@code @Valid @ModelAttribute}) to the same
 * rule as text in a JSON body: no control character other than tab, carriage return and
 * newline. A field that breaks it gets {@code problem.forbiddenCharacter} beside it, next
 * to the form's other errors; the form binds as usual, so the page shows it again with
 * the values sent.
 */
@ControllerAdvice
class StrictForms {

    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.addValidators(new Text());
    }

    /** Checks the form's text fields and lists of text. */
    private static final class Text implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }

        @Override
        public void validate(Object form, Errors errors) {
            Class<?> type = form.getClass();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    check(component.getName(), read(component.getAccessor(), form), errors);
                }
            }
            else if (!BeanUtils.isSimpleValueType(type)) {
                for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
                    if (property.getReadMethod() != null && property.getWriteMethod() != null) {
                        check(property.getName(), ReflectionUtils.invokeMethod(property.getReadMethod(), form), errors);
                    }
                }
            }
        }

        private static @Nullable Object read(Method accessor, Object form) {
            ReflectionUtils.makeAccessible(accessor);
            return ReflectionUtils.invokeMethod(accessor, form);
        }

        private static void check(String field, @Nullable Object value, Errors errors) {
            boolean forbidden = value instanceof String text ? StrictJson.hasForbiddenCharacter(text)
                    : value instanceof Collection<?> items && items.stream()
                        .anyMatch(item -> item instanceof String text && StrictJson.hasForbiddenCharacter(text));
            if (forbidden) {
                errors.rejectValue(field, "problem.forbiddenCharacter");
            }
        }

    }

}
