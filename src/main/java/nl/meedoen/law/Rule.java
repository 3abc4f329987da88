package nl.meedoen.law;

import java.time.LocalDate;

/**
 * One national rule as it is in force from {@code effectiveFrom}: its value in its unit,
 * the act and the article it comes from.
 */
public record Rule(RuleCode code, int value, Act act, String article, LocalDate effectiveFrom) {

    public Unit unit() {
        return code.unit();
    }

    /** The source as cited, e.g. "Wet inburgering 2021, art. 11". */
    public String source() {
        return article.isEmpty() ? act.title() : act.title() + ", " + article;
    }

    /** Whether a yes/no rule applies. */
    public boolean applies() {
        return value != 0;
    }

}
