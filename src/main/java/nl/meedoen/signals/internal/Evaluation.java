package nl.meedoen.signals.internal;

import java.sql.Array;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.ResidentSets;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalFact;
import nl.meedoen.signals.SignalRule;
import nl.meedoen.signals.Signals;
import nl.meedoen.signals.SignalsRaised;
import nl.meedoen.signals.Threshold;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the rules for the current municipality, set-based: per rule one statement that
 * computes who it fires for, inserts what is new ({@code on conflict do nothing} on the
 * person, rule and occasion, so re-evaluation raises no duplicates) and resolves the open
 * signals the rule no longer yields ("resolved by itself"). The owner of a new signal is
 * the person's caseworker, else the team; owners of open signals follow changes. Per rule
 * and owner the evaluation publishes how many it raised ({@link SignalsRaised}).
 * <p>
 * Only what is new reaches the insert: a firing already raised (whatever became of it) is
 * left out by the unique key's index before its caseworker is looked up, so an ordinary
 * night, with few new firings, looks up few caseworkers.
 */
@Component
public class Evaluation implements Signals {

    /**
     * What one evaluation did, and how long each of its steps took (per rule, and the
     * owners' refresh), in milliseconds summed over the municipalities it covers.
     */
    public record Outcome(int evaluatedPersons, int raised, int resolved, Map<String, Long> millis) {

        public Outcome {
            millis = Map.copyOf(millis);
        }

        Outcome(int evaluatedPersons, int raised, int resolved) {
            this(evaluatedPersons, raised, resolved, Map.of());
        }

        Outcome plus(Outcome other) {
            Map<String, Long> sum = new HashMap<>(millis);
            other.millis.forEach((step, ms) -> sum.merge(step, ms, Long::sum));
            return new Outcome(evaluatedPersons + other.evaluatedPersons, raised + other.raised,
                    resolved + other.resolved, sum);
        }

        /** The same figures with the time of one step added. */
        Outcome took(String step, long nanos) {
            return plus(new Outcome(0, 0, 0, Map.of(step, nanos / 1_000_000)));
        }

        /** The steps, slowest first, as {@code step ms} pairs for a log line. */
        public String slowestSteps() {
            return millis.entrySet()
                .stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(step -> step.getKey() + " " + step.getValue())
                .collect(Collectors.joining(", "));
        }

    }

    /** The name of the owners' refresh among the steps of {@link Outcome#millis()}. */
    static final String OWNERS = "owners";

    /** The columns of each kind of facts, for a kind no module contributes. */
    private static final Map<SignalFact.Kind, String> NONE = new EnumMap<>(Map.of(SignalFact.Kind.CASEWORKER,
            "select null::uuid as person_id, null::uuid as user_id where false", SignalFact.Kind.ACTIVE_CASE,
            "select null::uuid as person_id, null::date as since where false", SignalFact.Kind.CONTACT,
            "select null::uuid as person_id, null::date as on_date where false", SignalFact.Kind.PARTICIPATION,
            "select null::uuid as person_id, null::text as kind, null::date as until where false",
            SignalFact.Kind.NETWORK_CONTACT, "select null::uuid as person_id, null::date as until where false",
            SignalFact.Kind.VVE, "select null::uuid as person_id where false", SignalFact.Kind.FOLLOW_UP,
            "select null::uuid as person_id, null::date as on_date where false"));

    private final JdbcClient jdbc;

    private final RuleBook book;

    private final SignalSettings settings;

    private final ResidentSets residents;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    Evaluation(JdbcClient jdbc, RuleBook book, SignalSettings settings, ResidentSets residents, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.book = book;
        this.settings = settings;
        this.residents = residents;
        this.clock = clock;
    }

    /**
     * In a transaction of its own: a module's listener runs in a transaction begun before
     * it named the municipality, on a connection without it, which row-level security
     * would show nothing; a new transaction borrows a connection for the municipality of
     * the current work.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reevaluate(UUID personId) {
        evaluate(personId);
    }

    /** Evaluates every enabled rule for everyone of the current municipality. */
    @Transactional
    public Outcome evaluateAll() {
        return evaluate(null);
    }

    private Outcome evaluate(@Nullable UUID person) {
        UUID municipality = Tenancy.require();
        LocalDate today = LocalDate.now(clock);
        // The whole municipality: the same statements run for every municipality, and
        // after five executions PostgreSQL may switch to a generic plan made for one of
        // average size, which took minutes where the planned query takes a quarter of a
        // second (INTEGRATION_PERIOD_ENDING, REFERRAL_DROPPED_OUT on the national
        // dataset); each statement is planned for its own municipality and dates.
        // One person (after each of its events): the statements find the person by key
        // (ofOne), so one plan fits every person of every municipality, and it is made
        // once per connection. Planned again for every event, planning the rules with
        // their row-level security took some 90 % of an evaluation's CPU (docs/scale.md).
        // For this transaction only.
        jdbc.sql("select set_config('plan_cache_mode', :mode, true)")
            .param("mode", person == null ? "force_custom_plan" : "force_generic_plan")
            .query(String.class)
            .single();
        if (person == null) {
            jdbc.sql("select set_config('work_mem', '64MB', true)").query(String.class).single();
        }
        Outcome outcome = new Outcome(persons(municipality, person), 0, 0);
        for (SignalSettings.RuleSetting setting : settings.current().rules()) {
            SignalRule rule = setting.rule();
            if (!setting.enabled() || rule.code() == SignalCode.OUTREACH_REPORTED) {
                continue;
            }
            long started = System.nanoTime();
            outcome = outcome.plus(run(rule, setting, municipality, today, person))
                .took(rule.code().name(), System.nanoTime() - started);
        }
        long started = System.nanoTime();
        refreshOwners(municipality, today, person);
        return outcome.took(OWNERS, System.nanoTime() - started);
    }

    private int persons(UUID municipality, @Nullable UUID person) {
        return jdbc.sql(ofOne(person, "select count(*) from (" + residents.current() + ") r"))
            .param("municipality", municipality)
            .param("person", person)
            .query(Integer.class)
            .single();
    }

    private Outcome run(SignalRule rule, SignalSettings.RuleSetting setting, UUID municipality, LocalDate today,
            @Nullable UUID person) {
        String sql = with(rule.query()) + """
                hits as (
                """ + rule.query()
                + """
                        ),
                        found as (
                            select h.person_id, left(h.occasion, 200) as occasion, h.since, h.facts, r.team_id
                            from hits h
                                join residents_current r on r.person_id = h.person_id
                        ),
                        fresh as materialized (
                            select f.* from found f
                            where not exists (select 1 from signal s where s.municipality_id = :municipality
                                and s.rule = :rule and s.person_id = f.person_id and s.occasion = f.occasion)
                        ),
                        raised as (
                            insert into signal (id, municipality_id, person_id, rule, occasion, severity, facts, since, raised_on,
                                status, owner_user_id, owner_team_id, version)
                            select gen_random_uuid(), :municipality, f.person_id, :rule, f.occasion, :severity, f.facts,
                                f.since, cast(:today as date), 'OPEN', c.user_id, f.team_id, 0
                            from fresh f
                                left join lateral (select c.user_id from facts_caseworker c where c.person_id = f.person_id
                                    order by c.user_id limit 1) c on true
                            on conflict (municipality_id, rule, person_id, occasion) do nothing
                            returning owner_user_id
                        ),
                        raised_per_owner as (
                            select owner_user_id, count(*) as n from raised where owner_user_id is not null
                            group by owner_user_id
                        ),
                        resolved as (
                            update signal s set status = 'RESOLVED', resolved_by_itself = true, closed_on = cast(:today as date),
                                snoozed_until = null, version = s.version + 1
                            where s.municipality_id = :municipality and s.rule = :rule and s.status in ('OPEN', 'ACKNOWLEDGED')
                                and s.person_id is not null and (cast(:person as uuid) is null or s.person_id = :person)
                                and not exists (select 1 from found f where f.person_id = s.person_id and f.occasion = s.occasion)
                            returning 1
                        )
                        select (select count(*) from raised) as raised, (select count(*) from resolved) as resolved,
                            (select array_agg(owner_user_id order by owner_user_id) from raised_per_owner) as owners,
                            (select array_agg(n order by owner_user_id) from raised_per_owner) as counts""";
        JdbcClient.StatementSpec statement = jdbc.sql(ofOne(person, sql))
            .param("municipality", municipality)
            .param("today", today)
            .param("person", person)
            .param("rule", rule.code().name())
            .param("severity", rule.severity().name());
        for (Threshold threshold : rule.thresholds()) {
            statement = statement.param(threshold.name(), setting.value(threshold));
        }
        return statement.query((rs, n) -> {
            Array owners = rs.getArray("owners");
            Array counts = rs.getArray("counts");
            if (owners != null && counts != null) {
                Object[] ids = (Object[]) owners.getArray();
                Object[] numbers = (Object[]) counts.getArray();
                for (int i = 0; i < ids.length; i++) {
                    events.publishEvent(new SignalsRaised(municipality, (UUID) ids[i], rule.code(),
                            ((Number) numbers[i]).intValue()));
                }
            }
            return new Outcome(0, rs.getInt("raised"), rs.getInt("resolved"));
        }).single();
    }

    private void refreshOwners(UUID municipality, LocalDate today, @Nullable UUID person) {
        if (person == null) {
            // every open signal against every open file: hash joins do that once, where
            // the nested loops the planner picked (misled by the row-level security
            // filters' estimates) probed the person and household indexes per signal;
            // for this statement only (the rules' statements are better off with them)
            jdbc.sql("select set_config('enable_nestloop', 'off', true)").query(String.class).single();
        }
        jdbc.sql(ofOne(person, with("facts_caseworker") + """
                owners as (
                    select r.person_id, r.team_id, c.user_id
                    from residents_current r
                        left join (select distinct on (person_id) person_id, user_id from facts_caseworker
                            order by person_id, user_id) c on c.person_id = r.person_id
                )
                update signal s set owner_user_id = o.user_id, owner_team_id = o.team_id
                from owners o
                where s.municipality_id = :municipality and s.person_id = o.person_id
                    and s.status in ('OPEN', 'ACKNOWLEDGED')
                    and (s.owner_user_id is distinct from o.user_id or s.owner_team_id is distinct from o.team_id)"""))
            .param("municipality", municipality)
            .param("today", today)
            .param("person", person)
            .update();
        if (person == null) {
            jdbc.sql("select set_config('enable_nestloop', 'on', true)").query(String.class).single();
        }
    }

    /**
     * The statement for one person, with the test whether there is one
     * ({@code cast(:person as uuid) is null}, as every rule and fact writes it) replaced
     * by its value, {@code false}: in a generic plan the parameter's value is unknown, so
     * {@code (… is null or p.id = :person)} could not become a look-up by key; with
     * {@code false} it does. For the whole municipality the statement is unchanged.
     */
    static String ofOne(@Nullable UUID person, String sql) {
        return person == null ? sql : sql.replace("cast(:person as uuid) is null", "false");
    }

    /**
     * The common table expressions a query needs: the persons whose file is open, the
     * caseworkers, and every kind of facts the query names.
     */
    private String with(String query) {
        List<String> parts = new ArrayList<>();
        parts.add("residents_current as (" + residents.current() + ")");
        for (SignalFact.Kind kind : SignalFact.Kind.values()) {
            if (kind == SignalFact.Kind.CASEWORKER || query.contains(kind.table())) {
                List<SignalFact> contributed = book.facts(kind);
                String union = contributed.isEmpty() ? NONE.get(kind)
                        : contributed.stream()
                            .map(fact -> "(" + fact.query() + ")")
                            .collect(Collectors.joining("\nunion all\n"));
                parts.add(kind.table() + " as (" + union + ")");
            }
        }
        return "with " + String.join(",\n", parts) + ",\n";
    }

}
