package nl.meedoen.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET handler of a controller that shows person data elsewhere, when this handler
 * itself shows none (a settings page, an empty form, aggregated figures): it needs no
 * entry in the processing log. The reason says why, for the reviewer.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ShowsNoPersonData {

    /** Why the handler shows no person's data. */
    String value();

}
