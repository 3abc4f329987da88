package nl.meedoen.identity.demo;

import java.util.Comparator;
import java.util.List;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.platform.Seeding;
import nl.meedoen.platform.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds every module's {@link DemoData} after the demo municipalities and accounts exist:
 * phase by phase, for each municipality the part applies to and does not hold yet.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

    private final List<DemoData> parts;

    private final Municipalities municipalities;

    private final TransactionTemplate transaction;

    DemoSeeding(List<DemoData> parts, Municipalities municipalities, TransactionTemplate transaction) {
        this.parts = parts.stream().sorted(Comparator.comparing(DemoData::phase)).toList();
        this.municipalities = municipalities;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Municipality> all = municipalities.all();
        for (DemoData part : parts) {
            for (Municipality municipality : all) {
                if (part.appliesTo(municipality)) {
                    Tenancy.runAs(municipality.id(), () -> transaction.executeWithoutResult(status -> {
                        if (!part.presentIn(municipality)) {
                            log.info("Seeding demo data {} for {}", part.phase(), municipality.name());
                            Seeding.run(() -> part.seed(municipality));
                        }
                    }));
                }
            }
        }
    }

}
