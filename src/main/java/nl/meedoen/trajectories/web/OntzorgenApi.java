package nl.meedoen.trajectories.web;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.trajectories.internal.Ontzorgen;
import nl.meedoen.trajectories.internal.Ontzorgen.Arrangement;
import nl.meedoen.trajectories.internal.TrajectoryCaseworkers;
import nl.meedoen.trajectories.internal.TrajectoryVersions;
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
            @Nullable Boolean healthInsurance) {
    }

    record OntzorgenResource(LocalDate assistanceStart, LocalDate endDate, boolean rent, boolean energy,
            boolean healthInsurance) {

        static OntzorgenResource of(Arrangement a) {
            return new OntzorgenResource(a.assistanceStart(), a.endDate(), a.rent(), a.energy(), a.healthInsurance());
        }
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

    private final TrajectoryVersions versions;

    OntzorgenApi(Ontzorgen ontzorgen, TrajectoryCaseworkers caseworkers, AuditLog audit, TrajectoryVersions versions) {
        this.ontzorgen = ontzorgen;
        this.caseworkers = caseworkers;
        this.audit = audit;
        this.versions = versions;
    }

    @ShowsPersonData
    @GetMapping("/ontzorgen")
    @Operation(summary = "Read ontzorgen",
            description = "Caseworkers and team leads: the arrangement with its version as ETag; logged as a read "
                    + "of the person. 404 when there is none.")
    ResponseEntity<OntzorgenResource> ontzorgen(@PathVariable UUID personId) {
        Arrangement a = ontzorgen.find(personId).orElseThrow(NotFoundException::new);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return ResponseEntity.ok().eTag(IfMatch.etag(a.version())).body(OntzorgenResource.of(a));
    }

    @PutMapping("/ontzorgen")
    @Operation(summary = "Start or change ontzorgen",
            description = "Caseworkers and team leads. Runs the municipality's months from the start of social "
                    + "assistance (not before arrival, 400); each fixed cost is on unless switched off. Starting "
                    + "needs no If-Match; changing needs the ETag read (428 without, 412 when stale).")
    ResponseEntity<OntzorgenResource> save(@PathVariable UUID personId, IfMatch ifMatch,
            @RequestBody OntzorgenRequest r) {
        int current = ontzorgen.find(personId).map(Arrangement::version).orElse(0);
        Arrangement a = ontzorgen.save(personId, r.assistanceStart(), !Boolean.FALSE.equals(r.rent()),
                !Boolean.FALSE.equals(r.energy()), !Boolean.FALSE.equals(r.healthInsurance()),
                ifMatch.requiredOnceCreated(current));
        return ResponseEntity.ok().eTag(IfMatch.etag(a.version())).body(OntzorgenResource.of(a));
    }

    @ShowsPersonData
    @GetMapping("/trajectory-caseworker")
    @Operation(summary = "Read the trajectory caseworker",
            description = "Caseworkers and team leads: who holds the person's trajectory; logged as a read of the "
                    + "person. 404 when no one was assigned.")
    ResponseEntity<CaseworkerResource> caseworker(@PathVariable UUID personId) {
        Colleague caseworker = caseworkers.of(personId).orElseThrow(NotFoundException::new);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return Versioned.ok(versions.of(TrajectoryVersions.Part.TRAJECTORY_CASEWORKER, personId),
                CaseworkerResource.of(caseworker));
    }

    @PutMapping("/trajectory-caseworker")
    @Operation(summary = "Assign the trajectory caseworker",
            description = "Caseworkers and team leads: a member of the person's own team (409 for another team, "
                    + "400 for an unknown user), from today on. The first assignment needs no If-Match; a change "
                    + "needs the ETag read (428 without, 412 when stale).")
    ResponseEntity<CaseworkerResource> assign(@PathVariable UUID personId, IfMatch ifMatch,
            @RequestBody CaseworkerRequest r) {
        CaseworkerResource assigned = CaseworkerResource
            .of(caseworkers.assign(personId, r.userId(), ifMatch.optional()));
        return Versioned.ok(versions.of(TrajectoryVersions.Part.TRAJECTORY_CASEWORKER, personId), assigned);
    }

}
