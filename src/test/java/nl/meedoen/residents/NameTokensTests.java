package nl.meedoen.residents;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameTokensTests {

    @Test
    void removesAccentsAndCase() {
        assertThat(NameTokens.words("Zoë ÇELİK")).containsExactly("zoe", "celik");
        assertThat(NameTokens.words("Yıldız Öztürk")).containsExactly("yildiz", "ozturk");
    }

    @Test
    void splitsCompoundNamesAndKeepsThemJoinedToo() {
        assertThat(NameTokens.of("Al-Hassan")).containsExactlyInAnyOrder("al", "hassan", "alhassan");
        assertThat(NameTokens.of("El Amrani", "Noor")).contains("el", "amrani", "elamrani", "noor");
    }

    @Test
    void sortsByFamilyNameThenGivenNames() {
        assertThat(NameTokens.sortName("Al-Hassan", "Rania")).isEqualTo("al hassan rania");
    }

}
