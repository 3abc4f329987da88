package nl.meedoen.plans.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.plans.AssessmentSource;
import nl.meedoen.plans.LanguageLevel;
import nl.meedoen.plans.Skill;
import nl.meedoen.plans.internal.LanguageProgress;
import nl.meedoen.plans.internal.LanguageProgress.Assessment;
import nl.meedoen.plans.internal.LanguageProgress.LessonEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's language levels per skill and NT2 lesson hours over JSON. */
@RestController
@RequestMapping("/api/v1/persons/{personId}")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class LanguageApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LevelRequest(@Nullable String skill, @Nullable String level,
            @NotNull(message = "{plans.assessedOn.required}") @Nullable LocalDate assessedOn, @Nullable String source) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LessonRequest(@NotNull(message = "{plans.followedUntil.required}") @Nullable LocalDate followedUntil,
            @NotNull(message = "{plans.lessonHours.hours}") @Nullable BigDecimal hours, @Nullable String provider) {
    }

    record LevelResource(UUID id, String skill, String level, LocalDate assessedOn, String source) {

        static LevelResource of(Assessment a) {
            return new LevelResource(a.id(), a.skill().name(), a.level().name(), a.assessedOn(), a.source().name());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LessonResource(UUID id, LocalDate followedUntil, BigDecimal hours, @Nullable String provider) {

        static LessonResource of(LessonEntry e) {
            return new LessonResource(e.id(), e.followedUntil(), e.hours(), e.provider());
        }
    }

    record Levels(List<LevelResource> items) {
    }

    record Lessons(BigDecimal total, List<LessonResource> items) {
    }

    private final LanguageProgress language;

    LanguageApi(LanguageProgress language) {
        this.language = language;
    }

    @PostMapping("/language-levels")
    ResponseEntity<LevelResource> record(@PathVariable UUID personId, @Valid @RequestBody LevelRequest request) {
        Assessment assessment = language.record(personId, skill(request.skill()), level(request.level()),
                request.assessedOn(), source(request.source()));
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/language-levels/" + assessment.id()))
            .body(LevelResource.of(assessment));
    }

    @GetMapping("/language-levels")
    Levels levels(@PathVariable UUID personId) {
        return new Levels(language.levels(personId).stream().map(LevelResource::of).toList());
    }

    @PostMapping("/lesson-hours")
    ResponseEntity<LessonResource> addLessonHours(@PathVariable UUID personId,
            @Valid @RequestBody LessonRequest request) {
        LessonEntry entry = language.addLessonHours(personId, request.followedUntil(), request.hours(),
                request.provider());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/lesson-hours/" + entry.id()))
            .body(LessonResource.of(entry));
    }

    @GetMapping("/lesson-hours")
    Lessons lessonHours(@PathVariable UUID personId) {
        return new Lessons(language.totalHours(personId),
                language.lessonEntries(personId).stream().map(LessonResource::of).toList());
    }

    static Skill skill(@Nullable String value) {
        return PlanApi.parse(Skill.class, value, "skill", "plans.skill.unknown");
    }

    static LanguageLevel level(@Nullable String value) {
        return PlanApi.parse(LanguageLevel.class, value, "level", "plans.level.unknown");
    }

    static AssessmentSource source(@Nullable String value) {
        return PlanApi.parse(AssessmentSource.class, value, "source", "plans.source.unknown");
    }

}
