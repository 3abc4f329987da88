package nl.meedoen.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real port, on a throw-away embedded PostgreSQL with the demo
 * data (said explicitly, so that the same holds on an external server, where the demo is
 * off unless said so, while an application a test starts itself still gets only what it
 * is given). All integration tests share this one configuration, so Spring starts it (and
 * its database) once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "meedoen.demo=true")
@AutoConfigureMockMvc
@Import(TestClock.Wiring.class)
public @interface MeedoenIntegrationTest {

}
