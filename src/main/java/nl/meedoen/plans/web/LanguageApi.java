package nl.meedoen.plans.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
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
@Tag(name = "Language", description = """
        A person's Dutch per skill (reading, listening, writing, speaking) on the CEFR levels A0 to C2 over time, and \
        the NT2 lesson hours followed, whose total goes to the trajectories module for the 600-hour rule. For \
        caseworkers and team leads of the person's municipality; another municipality's person is 404. A broken \
        rule is 400 with errors[{field, message}] in Dutch. Entries are only added, so there is no If-Match.""")
class LanguageApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LevelRequest(@NotNull(message = "{typeMismatch.nl.meedoen.plans.Skill}") @Nullable Skill skill,
            @NotNull(message = "{typeMismatch.nl.meedoen.plans.LanguageLevel}") @Nullable LanguageLevel level,
            @NotNull(message = "{plans.assessedOn.required}") @Nullable LocalDate assessedOn,
            @NotNull(message = "{typeMismatch.nl.meedoen.plans.AssessmentSource}") @Nullable AssessmentSource source) {
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

    private final AuditLog audit;

    LanguageApi(LanguageProgress language, AuditLog audit) {
        this.language = language;
        this.audit = audit;
    }

    @PostMapping("/language-levels")
    @Operation(summary = "Record a language level", description = """
            {skill, level, assessedOn, source}: skill READING, LISTENING, WRITING or SPEAKING; level A0 to C2; source \
            EXAM, TEST or TEACHER_ASSESSMENT; assessed on a day that is not in the future. 201.""")
    ResponseEntity<LevelResource> record(@PathVariable UUID personId, @Valid @RequestBody LevelRequest request) {
        Assessment assessment = language.record(personId, request.skill(), request.level(), request.assessedOn(),
                request.source());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/language-levels/" + assessment.id()))
            .body(LevelResource.of(assessment));
    }

    @ShowsPersonData
    @GetMapping("/language-levels")
    @Operation(summary = "Every language level recorded",
            description = "In date order, the skills in their fixed order within a day.")
    Levels levels(@PathVariable UUID personId) {
        List<Assessment> levels = language.levels(personId);
        audit.read(AuditAction.PLAN_READ, personId);
        return new Levels(levels.stream().map(LevelResource::of).toList());
    }

    @PostMapping("/lesson-hours")
    @Operation(summary = "Record NT2 lesson hours", description = """
            {followedUntil, hours, provider?}: hours followed up to a day that is not in the future, more than 0 and \
            at most 1000 with one decimal; provider at most 200 characters. The new total goes to the trajectories \
            module in the same transaction. 201.""")
    ResponseEntity<LessonResource> addLessonHours(@PathVariable UUID personId,
            @Valid @RequestBody LessonRequest request) {
        LessonEntry entry = language.addLessonHours(personId, request.followedUntil(), request.hours(),
                request.provider());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/lesson-hours/" + entry.id()))
            .body(LessonResource.of(entry));
    }

    @ShowsPersonData
    @GetMapping("/lesson-hours")
    @Operation(summary = "The lesson hours recorded", description = "Their total, and each entry in date order.")
    Lessons lessonHours(@PathVariable UUID personId) {
        List<LessonEntry> entries = language.lessonEntries(personId);
        audit.read(AuditAction.PLAN_READ, personId);
        return new Lessons(language.totalHours(personId), entries.stream().map(LessonResource::of).toList());
    }

}
