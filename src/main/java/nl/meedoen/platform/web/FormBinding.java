package nl.meedoen.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.util.ObjectUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

/**
 * How a form object (a record) is bound, so that a form never loses a value.
 * <p>
 * Spring constructs a record from the request; a value it cannot convert (31-02-2025, a
 * five-digit year, "abc" hours) becomes {@code null} in the record and a
 * {@code typeMismatch} error whose rejected value is the typed text. Spring then skips
 * validation, and the errors belong to no object and the model holds no form: when the
 * handler puts the form back in the model to render it again, the model drops them, and
 * the page comes back with the field blank and no message, so that the next save erases
 * the stored value.
 * <p>
 * This binding therefore ties the errors to the constructed form, validates the form also
 * when a value could not be converted, keeps one message per field that could not be
 * converted (not also "required"), drops repeated messages and orders the errors as the
 * form's fields are declared, so the error summary is the same on every submit. It wraps
 * Spring's processor for the {@code @ModelAttribute} arguments of every handler.
 */
@Component
class FormBinding implements SmartInitializingSingleton {

    private final RequestMappingHandlerAdapter adapter;

    FormBinding(RequestMappingHandlerAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(
                Objects.requireNonNull(this.adapter.getArgumentResolvers()));
        resolvers.replaceAll(resolver -> resolver instanceof ServletModelAttributeMethodProcessor spring
                ? new Processor(spring) : resolver);
        this.adapter.setArgumentResolvers(resolvers);
    }

    /**
     * Spring's processor, after which the errors are tied to the form, validated, without
     * repeats, in the fields' order.
     */
    static final class Processor implements HandlerMethodArgumentResolver {

        private final ServletModelAttributeMethodProcessor spring;

        Processor(ServletModelAttributeMethodProcessor spring) {
            this.spring = spring;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return this.spring.supportsParameter(parameter);
        }

        @Override
        public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
                NativeWebRequest request, @Nullable WebDataBinderFactory binders) throws Exception {
            Object attribute = this.spring.resolveArgument(parameter, container, request, binders);
            if (container == null || binders == null) {
                return attribute;
            }
            Object form = ObjectUtils.unwrapOptional(attribute);
            String name = ModelFactory.getNameForParameter(parameter);
            String key = BindingResult.MODEL_KEY_PREFIX + name;
            if (!(container.getModel().get(key) instanceof BindingResult bound)) {
                return attribute;
            }
            Set<String> unconverted = new LinkedHashSet<>();
            bound.getFieldErrors()
                .stream()
                .filter(FieldError::isBindingFailure)
                .forEach(error -> unconverted.add(error.getField()));
            if (form == null) {
                return attribute;
            }
            // Spring leaves the model's form empty when a value could not be converted; a
            // handler that shows the form again shows this one.
            container.getModel().put(name, form);
            List<ObjectError> errors = new ArrayList<>(bound.getAllErrors());
            if (bound.getTarget() == null) {
                Object[] hints = validationHints(parameter);
                if (hints != null) {
                    WebDataBinder validation = binders.createBinder(request, form, name);
                    validation.validate(hints);
                    validation.getBindingResult()
                        .getAllErrors()
                        .stream()
                        .filter(error -> !(error instanceof FieldError field)
                                || !unconverted.contains(field.getField()))
                        .forEach(errors::add);
                }
            }
            BindingResult result = binders.createBinder(request, form, name).getBindingResult();
            Set<List<Object>> seen = new LinkedHashSet<>();
            errors.stream()
                .sorted(Comparator.comparingInt(order(form.getClass())::applyAsInt))
                .filter(error -> seen.add(List.of(error instanceof FieldError field ? field.getField() : "",
                        Objects.toString(error.getCode()), Objects.toString(error.getDefaultMessage()))))
                .forEach(result::addError);
            container.getModel().remove(key);
            container.getModel().put(key, result);
            return attribute;
        }

        /**
         * The groups to validate with when the parameter asks for validation
         * ({@code @Valid}, {@code @Validated}), else {@code null}.
         */
        private static Object @Nullable [] validationHints(MethodParameter parameter) {
            for (Annotation annotation : parameter.getParameterAnnotations()) {
                Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
                if (hints != null) {
                    return hints;
                }
            }
            return null;
        }

        /** Field errors in the order of the form's fields, then the form's own errors. */
        private static java.util.function.ToIntFunction<ObjectError> order(Class<?> type) {
            List<String> fields = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    fields.add(component.getName());
                }
            }
            else {
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        fields.add(field.getName());
                    }
                }
            }
            return error -> {
                if (!(error instanceof FieldError field)) {
                    return Integer.MAX_VALUE;
                }
                String top = field.getField().split("[.\\[]", 2)[0];
                int index = fields.indexOf(top);
                return index < 0 ? Integer.MAX_VALUE - 1 : index;
            };
        }

    }

}
