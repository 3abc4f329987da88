package nl.meedoen.plans;

import java.time.LocalDate;
import java.util.UUID;

/** A level of one skill was recorded for the person, as assessed on the given day. */
public record LanguageLevelRecorded(UUID municipalityId, UUID personId, Skill skill, LanguageLevel level,
        LocalDate assessedOn) {
}
