package nl.meedoen.network.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** A part of a weekday in which someone is available; stored as one bit each. */
public enum WeekdayPart {

    MONDAY_MORNING, MONDAY_AFTERNOON, MONDAY_EVENING, TUESDAY_MORNING, TUESDAY_AFTERNOON, TUESDAY_EVENING,
    WEDNESDAY_MORNING, WEDNESDAY_AFTERNOON, WEDNESDAY_EVENING, THURSDAY_MORNING, THURSDAY_AFTERNOON, THURSDAY_EVENING,
    FRIDAY_MORNING, FRIDAY_AFTERNOON, FRIDAY_EVENING, SATURDAY_MORNING, SATURDAY_AFTERNOON, SATURDAY_EVENING,
    SUNDAY_MORNING, SUNDAY_AFTERNOON, SUNDAY_EVENING;

    public int bit() {
        return 1 << ordinal();
    }

    public static int mask(Collection<WeekdayPart> parts) {
        int mask = 0;
        for (WeekdayPart part : parts) {
            mask |= part.bit();
        }
        return mask;
    }

    public static Set<WeekdayPart> of(int mask) {
        Set<WeekdayPart> parts = EnumSet.noneOf(WeekdayPart.class);
        for (WeekdayPart part : values()) {
            if ((mask & part.bit()) != 0) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** The day, e.g. {@code MONDAY}. */
    public String day() {
        return name().substring(0, name().indexOf('_'));
    }

    /** The part of the day: {@code MORNING}, {@code AFTERNOON} or {@code EVENING}. */
    public String part() {
        return name().substring(name().indexOf('_') + 1);
    }

}
