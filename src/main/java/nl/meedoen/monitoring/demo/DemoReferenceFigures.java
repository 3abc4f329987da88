package nl.meedoen.monitoring.demo;

import java.math.BigDecimal;
import java.util.List;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipality;
import nl.meedoen.monitoring.internal.ReferenceFigures;
import nl.meedoen.monitoring.internal.ReferenceFigures.Reference;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The national figures of CBS the monitor compares against, each with its source: work
 * and benefits of the asylum cohorts 2014 and 2020, and the start of the broad intake of
 * the 2022 cohort. Where a CBS figure is defined differently from the indicator it stands
 * beside, its source says so.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoReferenceFigures implements DemoData {

    private final ReferenceFigures references;

    private final JdbcClient jdbc;

    DemoReferenceFigures(ReferenceFigures references, JdbcClient jdbc) {
        this.references = references;
        this.jdbc = jdbc;
    }

    @Override
    public Phase phase() {
        return Phase.SIGNALS;
    }

    @Override
    public boolean presentIn(Municipality municipality) {
        return DemoData.hasRows(jdbc, "reference_figure", municipality);
    }

    @Override
    public void seed(Municipality municipality) {
        references.put(List.of(
                new Reference("COHORT_PAID_WORK_18", new BigDecimal("4"),
                        "CBS: asielcohort 2014, werk na 18 maanden (circa 4%)", 0),
                new Reference("COHORT_PAID_WORK_30", new BigDecimal("11"),
                        "CBS: asielcohort 2014, werk na 30 maanden (11%)", 0),
                new Reference("COHORT_PAID_WORK_36", new BigDecimal("31"),
                        "CBS: asielcohort 2020, werk binnen 3 jaar (31%; cohort 2014: 19%)", 0),
                new Reference("COHORT_SOCIAL_ASSISTANCE_18", new BigDecimal("90"),
                        "CBS: asielcohort 2014, uitkering na 18 maanden (circa 90%)", 0),
                new Reference("PAID_WORK_SHARE", new BigDecimal("31"),
                        "CBS: asielcohort 2020, werk binnen 3 jaar; ter vergelijking, andere definitie", 0),
                new Reference("SOCIAL_ASSISTANCE_SHARE", new BigDecimal("90"),
                        "CBS: asielcohort 2014, uitkering na 18 maanden; ter vergelijking, andere definitie", 0),
                new Reference("BROAD_INTAKE_STARTED", new BigDecimal("88"),
                        "CBS: cohort Wet inburgering 2021 van 2022, brede intake gestart eind 2023 (88%)", 0)));
    }

}
