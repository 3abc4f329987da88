package nl.meedoen.signals.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalRule;
import nl.meedoen.signals.Threshold;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipality's choices per rule: switched on or off, and its own value for each
 * threshold. What a municipality has not set is the rule's default, so a new rule or
 * threshold works everywhere from the day it is contributed.
 */
@Component
public class SignalSettings {

    /** One rule as the municipality has it. */
    public record RuleSetting(SignalRule rule, boolean enabled, Map<String, Integer> values) {

        public int value(Threshold threshold) {
            return values.getOrDefault(threshold.name(), threshold.defaultValue());
        }

    }

    /** Every rule as the municipality has it, with the version of the settings. */
    public record Settings(int version, List<RuleSetting> rules) {

        public RuleSetting of(SignalCode code) {
            return rules.stream()
                .filter(r -> r.rule().code() == code)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No rule " + code));
        }

    }

    /** A change of one rule: on or off and the values set (others return to default). */
    public record Change(SignalCode rule, boolean enabled, Map<String, Integer> values) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    private final RuleBook book;

    SignalSettings(JdbcClient jdbc, RuleBook book) {
        this.jdbc = jdbc;
        this.book = book;
    }

    @Transactional(readOnly = true)
    public Settings current() {
        record Row(String rules, int version) {
        }
        Row row = jdbc.sql("select rules::text, version from signal_setting where municipality_id = :m")
            .param("m", Tenancy.require())
            .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2)))
            .optional()
            .orElse(new Row("{}", 0));
        JsonNode stored = JSON.readTree(row.rules());
        List<RuleSetting> rules = new ArrayList<>();
        for (SignalRule rule : book.all()) {
            JsonNode own = stored.path(rule.code().name());
            Map<String, Integer> values = new LinkedHashMap<>();
            for (Threshold threshold : rule.thresholds()) {
                JsonNode value = own.path("thresholds").path(threshold.name());
                if (value.isInt() && value.asInt() >= threshold.min() && value.asInt() <= threshold.max()) {
                    values.put(threshold.name(), value.asInt());
                }
            }
            rules.add(new RuleSetting(rule, !own.has("enabled") || own.path("enabled").asBoolean(true), values));
        }
        return new Settings(row.version(), List.copyOf(rules));
    }

    /**
     * Sets the rules named in {@code changes}; a rule not named returns to its defaults.
     * Refuses an unknown threshold, a value outside its bounds and a rule named twice
     * (400, per field), and a version that is not the current one (412).
     */
    @Transactional
    public Settings change(List<Change> changes, int version) {
        List<FieldError> errors = new ArrayList<>();
        Set<SignalCode> seen = new HashSet<>();
        ObjectNode rules = JSON.createObjectNode();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            String field = "rules[" + i + "]";
            SignalRule rule = book.rule(change.rule()).orElse(null);
            if (rule == null || !seen.add(change.rule())) {
                errors.add(new FieldError(field + ".rule", "signals.settings.rule.twice"));
                continue;
            }
            ObjectNode own = rules.putObject(change.rule().name());
            own.put("enabled", change.enabled());
            ObjectNode values = own.putObject("thresholds");
            change.values().forEach((name, value) -> {
                Threshold threshold = rule.thresholds()
                    .stream()
                    .filter(t -> t.name().equals(name))
                    .findFirst()
                    .orElse(null);
                if (threshold == null) {
                    errors.add(new FieldError(field + ".thresholds." + name, "signals.settings.threshold.unknown"));
                }
                else if (value == null || value < threshold.min() || value > threshold.max()) {
                    errors.add(new FieldError(field + ".thresholds." + name, "signals.settings.threshold.outOfRange"));
                }
                else {
                    values.put(name, value);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID m = Tenancy.require();
        int updated = version == 0 ? jdbc.sql("""
                insert into signal_setting (municipality_id, rules, version) values (:m, cast(:rules as jsonb), 1)
                on conflict (municipality_id) do nothing""").param("m", m).param("rules", rules.toString()).update()
                : jdbc.sql("""
                        update signal_setting set rules = cast(:rules as jsonb), version = version + 1
                        where municipality_id = :m and version = :version""")
                    .param("m", m)
                    .param("rules", rules.toString())
                    .param("version", version)
                    .update();
        if (updated != 1) {
            throw new StaleVersionException();
        }
        return current();
    }

}
