package nl.meedoen.audit.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainKeyTests {

    @Test
    void aSetupOutsideTheDemoRefusesTheDemoKey() {
        assertThatThrownBy(() -> new ChainKey(ChainKey.DEMO_KEY, false)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("MEEDOEN_AUDIT_KEY");
    }

    @Test
    void aSetupOutsideTheDemoRefusesAShortKey() {
        assertThatThrownBy(() -> new ChainKey("kort-geheim", false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameTextSignedWithAnotherKeyGivesAnotherHash() {
        ChainKey one = new ChainKey("een-geheime-sleutel-van-minstens-32-tekens", false);
        ChainKey other = new ChainKey("een-andere-sleutel-van-minstens-32-tekens!", false);

        assertThat(one.sign("regel")).hasSize(64).isEqualTo(one.sign("regel")).isNotEqualTo(other.sign("regel"));
    }

}
