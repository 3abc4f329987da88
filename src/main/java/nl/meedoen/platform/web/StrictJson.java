package nl.meedoen.platform.web;

import java.time.LocalDate;
import java.util.Collection;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.ArrayType;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Reads every JSON request body strictly, for all modules at once: a value is taken as
 * sent or refused as a field error (400), never coerced, truncated or left to fail in the
 * database.
 *
 * <ul>
 * <li>Text is text: a number or a boolean sent for a string is refused, and so is a
 * decimal sent for an integer or a number for a boolean. A string holding a number
 * ({@code "250"}) is read as Jackson does by default: it loses nothing.</li>
 * <li>Every string, wherever it sits (a field, a list item, a map value), holds no
 * control character other than tab, carriage return and newline, no unpaired surrogate,
 * and at most {@link #MAX_TEXT} characters.</li>
 * <li>A date is an ISO string ({@code 2024-01-31}), never a number of days, and lies
 * between {@link #FIRST_DATE} and {@link #LAST_DATE}.</li>
 * <li>A list holds no {@code null} and at most {@link #MAX_ITEMS} items.</li>
 * </ul>
 * {@code ApiProblems} words a {@link Refusal} with its message key.
 */
@Component
class StrictJson implements JsonMapperBuilderCustomizer {

    /** The most characters any string in a request body may have. */
    static final int MAX_TEXT = 10_000;

    /** The most items any list in a request body may have. */
    static final int MAX_ITEMS = 200;

    static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

    static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder
            .withCoercionConfig(LogicalType.Textual,
                    config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer,
                    config -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean,
                    config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
            .withConfigOverride(LocalDate.class, override -> override.setFormat(JsonFormat.Value.forLeniency(false)))
            .addModule(new SimpleModule("strict-input").setDeserializerModifier(new Limits()));
    }

    /** Whether a text holds a character that no field takes. */
    static boolean hasForbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value read as JSON but refused by a rule of this class: the message key (and its
     * arguments) that says why; the path names the field.
     */
    static final class Refusal extends MismatchedInputException {

        private final String messageKey;

        private final Object[] arguments;

        Refusal(JsonParser parser, Class<?> type, String messageKey, Object... arguments) {
            super(parser, messageKey, type);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        String messageKey() {
            return this.messageKey;
        }

        Object[] arguments() {
            return this.arguments.clone();
        }

    }

    /** Puts the checks around Jackson's own deserializers of text, dates and lists. */
    private static final class Limits extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class) {
                return new Checked(deserializer, Rule.TEXT);
            }
            if (type == LocalDate.class) {
                return new Checked(deserializer, Rule.DATE);
            }
            return deserializer;
        }

        @Override
        public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return new Checked(deserializer, Rule.LIST);
        }

        @Override
        public ValueDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return type.getContentType().isPrimitive() ? deserializer : new Checked(deserializer, Rule.LIST);
        }

    }

    private enum Rule {

        TEXT, DATE, LIST

    }

    /** Jackson's deserializer, followed by the rule for what it read. */
    private static final class Checked extends DelegatingDeserializer {

        private final Rule rule;

        Checked(ValueDeserializer<?> delegate, Rule rule) {
            super(delegate);
            this.rule = rule;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate, this.rule);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return check(parser, super.deserialize(parser, context));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into) {
            return check(parser, super.deserialize(parser, context, into));
        }

        private Object check(JsonParser parser, Object value) {
            switch (this.rule) {
                case TEXT -> {
                    if (value instanceof String text && hasForbiddenCharacter(text)) {
                        throw new Refusal(parser, String.class, "problem.forbiddenCharacter");
                    }
                    if (value instanceof String text && text.length() > MAX_TEXT) {
                        throw new Refusal(parser, String.class, "problem.textTooLong", MAX_TEXT);
                    }
                }
                case DATE -> {
                    if (value instanceof LocalDate date && (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE))) {
                        throw new Refusal(parser, LocalDate.class, "problem.dateOutOfRange", FIRST_DATE.toString(),
                                LAST_DATE.toString());
                    }
                }
                case LIST -> {
                    int size = value instanceof Collection<?> items ? items.size()
                            : value instanceof Object[] items ? items.length : 0;
                    if (size > MAX_ITEMS) {
                        throw new Refusal(parser, value.getClass(), "problem.tooManyItems", MAX_ITEMS);
                    }
                }
            }
            return value;
        }

    }

}
