package nl.meedoen.residents;

import java.util.List;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.DemoData.Phase;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo persons go to both demo municipalities and the housing figures to Sliedrecht
 * only, each once: after the start every part that applies is present, so a restart seeds
 * nothing again.
 */
@MeedoenIntegrationTest
class DemoDataIntegrationTests {

    @Autowired
    List<DemoData> parts;

    @Autowired
    Municipalities municipalities;

    @Test
    void personsAreSeededInBothMunicipalitiesAndHousingInSliedrechtOnly() {
        Municipality sliedrecht = municipalities.byCode("0610").orElseThrow();
        Municipality dordrecht = municipalities.byCode("0505").orElseThrow();
        DemoData persons = part(Phase.PERSONS);
        DemoData housing = part(Phase.HOUSING);

        assertThat(persons.appliesTo(sliedrecht) && persons.appliesTo(dordrecht)).isTrue();
        assertThat(housing.appliesTo(sliedrecht)).isTrue();
        assertThat(housing.appliesTo(dordrecht)).isFalse();
        assertThat(Tenancy.runAs(sliedrecht.id(), () -> persons.presentIn(sliedrecht) && housing.presentIn(sliedrecht)))
            .isTrue();
        assertThat(Tenancy.runAs(dordrecht.id(), () -> persons.presentIn(dordrecht))).isTrue();
    }

    private DemoData part(Phase phase) {
        return parts.stream().filter(part -> part.phase() == phase).findFirst().orElseThrow();
    }

}
