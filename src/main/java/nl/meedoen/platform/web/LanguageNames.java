package nl.meedoen.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list of language codes that a page form shows and reads by the languages' names: the
 * caseworker types "Arabisch, Koerdisch" (or "ar, ku") and reads back the names in the
 * page's language, while ISO 639 codes stay the stored value. A name that matches no
 * language is kept as typed, so the field's own validation names it.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageNames {

}
