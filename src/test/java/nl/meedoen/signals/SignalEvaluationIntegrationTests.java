package nl.meedoen.signals;

import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.signals.internal.NightlyEvaluation;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full evaluation over the demo municipality: signals of several rules, and a second
 * run straight after raises and resolves nothing.
 */
@MeedoenIntegrationTest
class SignalEvaluationIntegrationTests {

    @Autowired
    NightlyEvaluation nightly;

    @Autowired
    Municipalities municipalities;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondFullRunRaisesNothingNew() {
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        var first = Tenancy.runAs(sliedrecht, () -> nightly.current(NightlyEvaluation.Trigger.ADMIN));
        var second = Tenancy.runAs(sliedrecht, () -> nightly.current(NightlyEvaluation.Trigger.ADMIN));
        int rules = Tenancy.runAs(sliedrecht,
                () -> jdbc.sql("select count(distinct rule) from signal where status in ('OPEN', 'ACKNOWLEDGED')")
                    .query(Integer.class)
                    .single());
        assertThat(first.evaluatedPersons()).isGreaterThan(100);
        assertThat(rules).as("rules with open signals in the demo").isGreaterThanOrEqualTo(5);
        assertThat(second.raised()).isZero();
        assertThat(second.resolved()).isZero();
    }

}
