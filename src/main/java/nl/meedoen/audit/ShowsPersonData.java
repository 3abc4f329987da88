package nl.meedoen.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page or API handler that shows a person's data: it logs the read with
 * {@link AuditLog#read} (directly or through the module's shared piece that builds the
 * model). {@code ReadCoverageIntegrationTests} calls every handler so marked and fails
 * when one writes no entry; every GET handler of a controller that shows person data
 * carries this or {@link ShowsNoPersonData}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ShowsPersonData {

}
