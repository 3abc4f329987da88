package nl.meedoen.trajectories.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.trajectories.internal.Ontzorgen;
import nl.meedoen.trajectories.internal.Ontzorgen.Terms;
import nl.meedoen.trajectories.web.Explanations.BasisResource;
import nl.meedoen.trajectories.internal.Ontzorgen.Arrangement;
import nl.meedoen.trajectories.internal.TrajectoryCaseworkers;
import nl.meedoen.identity.Colleagues.Colleague;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ontzorgen and the person's trajectory caseworker over JSON. */
@RestController
@RequestMapping("/api/v1/persons/{personId}")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Ontzorgen and caseworker",
        description = "Ontzorgen (the municipality pays the fixed costs out of the benefit) and the caseworker who holds the trajectory.")
class OntzorgenApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OntzorgenRequest(@Nullable LocalDate assistanceStart, @Nullable Boolean rent, @Nullable Boolean energy,
            @Nullable Boolean healthInsurance, @Nullable LocalDate authorisationSignedOn,
            @Nullable LocalDate assistanceEnd, @Nullable LocalDate extendedUntil, @Nullable String extensionReason) {
    }

    record OntzorgenResource(LocalDate assistanceStart, LocalDate endDate, boolean rent, boolean energy, boolean water,
            boolean healthInsurance, @Nullable LocalDate authorisationSignedOn, @Nullable LocalDate assistanceEnd,
            @Nullable LocalDate extendedUntil, @Nullable String extensionReason, Map<String, BasisResource> basis) {
    }

    private OntzorgenResource resource(Arrangement a) {
        return new OntzorgenResource(a.assistanceStart(), a.endDate(), a.rent(), a.energy(), a.energy(),
                a.healthInsurance(), a.authorisationSignedOn(), a.assistanceEnd(), a.extendedUntil(),
                a.extensionReason(), Map.of("endDate", explanations.resource(ontzorgen.basis(a))));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaseworkerRequest(@Nullable UUID userId) {
    }

    record CaseworkerResource(UUID userId, String displayName) {

        static CaseworkerResource of(Colleague c) {
            return new CaseworkerResource(c.id(), c.displayName());
        }
    }

    private final Ontzorgen ontzorgen;

    private final TrajectoryCaseworkers caseworkers;

    private final AuditLog audit;

    private final Explanations explanations;

    OntzorgenApi(Ontzorgen ontzorgen, TrajectoryCaseworkers caseworkers, AuditLog audit, Explanations explanations) {
        this.explanations = explanations;
        this.ontzorgen = ontzorgen;
        this.caseworkers = caseworkers;
        this.audit = audit;
    }

    @GetMapping("/ontzorgen")
    @Operation(summary = "Read ontzorgen",
            description = "Caseworkers and team leads: the arrangement with its version as ETag and the basis of "
                    + "its end date; logged as a read of the person. 404 when there is none.")
    ResponseEntity<OntzorgenResource> ontzorgen(@PathVariable UUID personId) {
        Arrangement a = ontzorgen.find(personId).orElseThrow(NotFoundException::new);
        OntzorgenResource resource = resource(a);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return ResponseEntity.ok().eTag(IfMatch.etag(a.version())).body(resource);
    }

    @PutMapping("/ontzorgen")
    @Operation(summary = "Start or change ontzorgen",
            description = "Caseworkers and team leads. Only for an asylum permit holder under the duty of the Wet "
                    + "inburgering 2021 (422 with the reason otherwise, e.g. for a family migrant). Runs the legal "
                    + "months from the start of social assistance (art. 56a Participatiewet; not before arrival, "
                    + "400); rent, energy, water and health insurance are paid together (switching one off is 400). "
                    + "Records the signed authorisation; ends early on `assistanceEnd`; `extendedUntil` beyond the "
                    + "legal end needs an `extensionReason` (400). Starting needs no If-Match; changing needs the "
                    + "ETag read (428 without, 412 when stale).")
    ResponseEntity<OntzorgenResource> save(@PathVariable UUID personId, IfMatch ifMatch,
            @RequestBody OntzorgenRequest r) {
        Ontzorgen.asAWhole(r.rent(), r.energy(), r.healthInsurance());
        int current = ontzorgen.find(personId).map(Arrangement::version).orElse(0);
        Arrangement a = ontzorgen.save(personId, new Terms(r.assistanceStart(), r.authorisationSignedOn(),
                r.assistanceEnd(), r.extendedUntil(), r.extensionReason()), ifMatch.requiredOnceCreated(current));
        return ResponseEntity.ok().eTag(IfMatch.etag(a.version())).body(resource(a));
    }

    @GetMapping("/trajectory-caseworker")
    @Operation(summary = "Read the trajectory caseworker",
            description = "Caseworkers and team leads: who holds the person's trajectory; logged as a read of the "
                    + "person. 404 when no one was assigned.")
    CaseworkerResource caseworker(@PathVariable UUID personId) {
        Colleague caseworker = caseworkers.of(personId).orElseThrow(NotFoundException::new);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return CaseworkerResource.of(caseworker);
    }

    @PutMapping("/trajectory-caseworker")
    @Operation(summary = "Assign the trajectory caseworker",
            description = "Caseworkers and team leads: a member of the person's own team (409 for another team, "
                    + "400 for an unknown user), from today on.")
    CaseworkerResource assign(@PathVariable UUID personId, @RequestBody CaseworkerRequest r) {
        return CaseworkerResource.of(caseworkers.assign(personId, r.userId()));
    }

}
