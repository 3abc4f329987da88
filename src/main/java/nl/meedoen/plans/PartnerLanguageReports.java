package nl.meedoen.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a partner organisation (a language school) reports about a person's Dutch: a level
 * of a progress test, recorded with the source {@link AssessmentSource#PARTNER}, and
 * lesson hours split into classroom and online, which go on to the trajectory's 600-hour
 * rule like every other lesson entry. Both are called in the caller's transaction, for a
 * person of the current municipality, and logged as a change of the plan.
 */
public interface PartnerLanguageReports {

    /** Records the level of one skill a progress test established on the day. */
    void recordPartnerLevel(UUID personId, Skill skill, LanguageLevel level, LocalDate assessedOn);

    /**
     * Records the classroom and online hours followed up to the day (one decimal each,
     * together more than zero) under the partner's name.
     */
    void recordPartnerLessonHours(UUID personId, BigDecimal classroomHours, BigDecimal onlineHours,
            LocalDate followedUntil, String partnerName);

}
