package nl.meedoen.exchange.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.exchange.internal.PartnerReports;
import nl.meedoen.exchange.internal.PartnerReports.Kind;
import nl.meedoen.exchange.internal.PartnerReports.Report;
import nl.meedoen.exchange.internal.PartnerReports.Stored;
import nl.meedoen.plans.LanguageLevel;
import nl.meedoen.plans.Skill;
import nl.meedoen.trajectories.ExamPart;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner organisation's reports on the persons referred to it, with its API token or a
 * partner user's session.
 */
@RestController
@PreAuthorize("hasRole('PARTNER')")
@Tag(name = "Partner reports", description = """
        What a partner organisation (a language school, a MAP or PVT provider) reports on a person referred to \
        it: attendance per session, lesson hours in class and online, progress-test levels and exam results. \
        Each lands where it belongs (the plan's language progress, the trajectory's 600-hour rule and exams) and \
        is logged as a processing by the partner.""")
class PartnerReportApi {

    record ReportBody(@Nullable UUID referralId, @Nullable Kind kind, @Nullable LocalDate date,
            @Nullable Boolean present, @Nullable Boolean notified, @Nullable BigDecimal classroomHours,
            @Nullable BigDecimal onlineHours, @Nullable LocalDate until, @Nullable Skill skill,
            @Nullable LanguageLevel level, @Nullable ExamPart part, @Nullable Boolean passed) {
    }

    record ReportResource(UUID id, UUID referralId, Kind kind) {
    }

    private final PartnerReports reports;

    PartnerReportApi(PartnerReports reports) {
        this.reports = reports;
    }

    @PostMapping("/api/v1/partner-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report on a referred person",
            description = """
                    `{referralId, kind, …}` with per kind: ATTENDANCE `{date, present, notified?}` (notified required for \
                    an absence: with or without notice; absent when present), LESSON_HOURS `{classroomHours, onlineHours, until}` (hours 0 to \
                    1000 with one decimal, together more than 0; they add to the NT2 lesson hours of the 600-hour rule, \
                    the classroom hours to its classroom share), PROGRESS_TEST `{date, skill, level}` (skill READING, \
                    LISTENING, WRITING or SPEAKING, level A0 to C2; recorded in the plan with source PARTNER), \
                    EXAM_RESULT `{date, part, passed, level?}` (part READING, LISTENING, WRITING, SPEAKING or KNM; level \
                    A1 to B2, none for KNM; recorded in the trajectory). Days are not in the future. A field of another \
                    kind, a missing one or a value out of range answers 400 naming the field, and nothing is stored; a \
                    referral that is not an accepted or started one of the partner's own organisation 404; an exam part \
                    DUO exempted 409. 201 with the report's id.""")
    ReportResource report(@RequestBody ReportBody body) {
        Stored stored = reports.report(new Report(body.referralId(), body.kind(), body.date(), body.present(),
                body.notified(), body.classroomHours(), body.onlineHours(), body.until(), body.skill(), body.level(),
                body.part(), body.passed()));
        return new ReportResource(stored.id(), stored.referralId(), stored.kind());
    }

}
