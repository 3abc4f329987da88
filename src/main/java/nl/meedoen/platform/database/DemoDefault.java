package nl.meedoen.platform.database;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides whether this start is a demo when nobody said so: a demo on the embedded
 * database, never on an external server. A production installation that forgets
 * {@code MEEDOEN_DEMO} therefore gets no accounts with a known password and no synthetic
 * persons; a demo on an external server needs an explicit {@code MEEDOEN_DEMO=true}.
 */
class DemoDefault implements EnvironmentPostProcessor, Ordered {

    static final String DEMO = "meedoen.demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(DEMO) != null) {
            return;
        }
        boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        environment.getPropertySources()
            .addLast(new MapPropertySource("meedoenDemoDefault", Map.of(DEMO, String.valueOf(embedded))));
    }

    /** After the configuration files and the environment are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
