package nl.meedoen.trajectories.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.trajectories.FineGround;
import nl.meedoen.trajectories.FineSanctionChoice;
import nl.meedoen.trajectories.FineStatus;
import nl.meedoen.trajectories.internal.Fines;
import nl.meedoen.trajectories.internal.Fines.Fine;
import nl.meedoen.trajectories.internal.Fines.FineFile;
import nl.meedoen.trajectories.internal.Fines.FineStep;
import nl.meedoen.trajectories.internal.Fines.Step;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The fine process (art. 22-23 Wi2021, Awb) over JSON. */
@RestController
@RequestMapping("/api/v1/persons/{personId}/fines")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Fines",
        description = "The municipal fine as a last resort: proposal, notice of intent with the assessment of blame, "
                + "the person's view, the team lead's decision with the objection period; or ended without a fine.")
class FineApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProposalRequest(@Nullable FineGround ground, @Nullable String facts, @Nullable Integer proposedAmount,
            @Nullable Boolean benefitSanctionPossible) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TransitionRequest(@Nullable FineStatus to, @Nullable LocalDate on, @Nullable String blameAssessment,
            @Nullable String view, @Nullable Boolean viewGiven, @Nullable Integer amount,
            @Nullable String reductionReason, @Nullable String reason, @Nullable FineSanctionChoice sanctionChoice) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepResource(FineStatus status, LocalDate on, @Nullable String note, @Nullable String by) {

        static StepResource of(FineStep s) {
            return new StepResource(s.status(), s.on(), s.note(), s.byName());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FineResource(UUID id, FineStatus status, FineGround ground, String facts, @Nullable UUID appointmentId,
            @Nullable Integer proposedAmount, boolean benefitSanctionPossible, LocalDate proposedOn,
            @Nullable String blameAssessment, @Nullable LocalDate noticeSentOn, @Nullable String view,
            @Nullable Boolean viewGiven, @Nullable LocalDate viewRecordedOn, @Nullable LocalDate decidedOn,
            @Nullable Integer amount, @Nullable Integer legalMaximum, @Nullable String reductionReason,
            @Nullable LocalDate objectionDeadline, @Nullable FineSanctionChoice sanctionChoice,
            @Nullable LocalDate endedOn, @Nullable String endReason, List<FineStatus> nextSteps,
            @Nullable List<StepResource> history) {

        static FineResource of(Fine f, @Nullable List<FineStep> history) {
            return new FineResource(f.id(), f.status(), f.ground(), f.facts(), f.appointmentId(), f.proposedAmount(),
                    f.benefitSanctionPossible(), f.proposedOn(), f.blameAssessment(), f.noticeSentOn(), f.personView(),
                    f.viewGiven(), f.viewRecordedOn(), f.decidedOn(), f.amount(), f.maximumAmount(),
                    f.reductionReason(), f.objectionDeadline(), f.sanctionChoice(), f.endedOn(), f.endReason(),
                    f.status().next().stream().sorted().toList(),
                    history == null ? null : history.stream().map(StepResource::of).toList());
        }
    }

    private final Fines fines;

    private final AuditLog audit;

    FineApi(Fines fines, AuditLog audit) {
        this.fines = fines;
        this.audit = audit;
    }

    @ShowsPersonData

    @GetMapping
    @Operation(summary = "List the person's fines",
            description = "Caseworkers and team leads: every fine process of the person, newest first, without "
                    + "history; logged as a read of the person. 404 for a person of another municipality.")
    List<FineResource> list(@PathVariable UUID personId) {
        List<FineResource> list = fines.of(personId).stream().map(f -> FineResource.of(f, null)).toList();
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return list;
    }

    @PostMapping
    @Operation(summary = "Propose a fine",
            description = "Caseworkers and team leads: a proposal with its ground (art. 22 Wi2021) and the facts "
                    + "(400 without); benefitSanctionPossible flags it to the income service. 201 with the fine in "
                    + "status PROPOSED and its version as ETag.")
    ResponseEntity<FineResource> propose(@PathVariable UUID personId, @RequestBody ProposalRequest r) {
        Fine fine = fines.propose(personId, r.ground(), r.facts(), r.proposedAmount(),
                Boolean.TRUE.equals(r.benefitSanctionPossible()));
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/fines/" + fine.id()))
            .eTag(IfMatch.etag(fine.version()))
            .body(FineResource.of(fine, null));
    }

    @ShowsPersonData

    @GetMapping("/{fineId}")
    @Operation(summary = "Read a fine with its history",
            description = "Caseworkers and team leads: the fine, the steps that may follow and every step taken, "
                    + "with its version as ETag; logged as a read of the person. 404 when unknown.")
    ResponseEntity<FineResource> fine(@PathVariable UUID personId, @PathVariable UUID fineId) {
        FineFile file = fines.find(personId, fineId);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return ResponseEntity.ok().eTag(IfMatch.etag(file.fine().version())).body(resource(file));
    }

    @PostMapping("/{fineId}/transitions")
    @Operation(summary = "Take a fine to its next step",
            description = "Caseworkers and team leads; DECIDED only by a team lead (403 otherwise). `to` must follow "
                    + "the current status (409 otherwise): PROPOSED → NOTICE_SENT (blameAssessment) → "
                    + "VIEW_RECORDED (view, or viewGiven false) → DECIDED (amount at most the legal maximum in "
                    + "force on the decision date, else 400 naming it; blameAssessment; reductionReason when below "
                    + "the proposal); NOT_BLAMEWORTHY or WITHDRAWN (reason) from any open step. If-Match is "
                    + "optional; a stale one answers 412.")
    ResponseEntity<FineResource> advance(@PathVariable UUID personId, @PathVariable UUID fineId, IfMatch ifMatch,
            @RequestBody TransitionRequest r) {
        FineFile file = fines.advance(personId, fineId, new Step(r.to(), r.on(), r.blameAssessment(), r.view(),
                r.viewGiven(), r.amount(), r.reductionReason(), r.reason(), r.sanctionChoice()), ifMatch.optional());
        return ResponseEntity.ok().eTag(IfMatch.etag(file.fine().version())).body(resource(file));
    }

    private static FineResource resource(FineFile file) {
        return FineResource.of(file.fine(), file.history());
    }

}
