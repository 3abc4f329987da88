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
import nl.meedoen.trajectories.TransferStatus;
import nl.meedoen.trajectories.internal.TransferFacts;
import nl.meedoen.trajectories.internal.Transfers;
import nl.meedoen.trajectories.internal.Transfers.Transfer;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The warm handover of a trajectory to another municipality over JSON. */
@RestController
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Trajectory handover",
        description = "A person moves: the trajectory's facts (route, period, PIP, exams, hours) go to the new "
                + "municipality, as a transfer its team accepts within this installation or as a handover "
                + "document otherwise.")
class TransferApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OfferRequest(@Nullable String toMunicipalityCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TransferResource(UUID id, TransferStatus status, String fromMunicipality, String toMunicipality,
            boolean incoming, LocalDate offeredOn, @Nullable LocalDate decidedOn, @Nullable UUID personId,
            @Nullable TransferFacts facts) {

        static TransferResource of(Transfer t) {
            return new TransferResource(t.id(), t.status(), t.fromMunicipality(), t.toMunicipality(), t.incoming(),
                    t.offeredOn(), t.decidedOn(), t.incoming() ? null : t.personId(), t.facts());
        }
    }

    record TransferList(List<TransferResource> items) {
    }

    record Accepted(UUID personId, TransferResource transfer) {
    }

    private final Transfers transfers;

    private final AuditLog audit;

    TransferApi(Transfers transfers, AuditLog audit) {
        this.transfers = transfers;
        this.audit = audit;
    }

    @ShowsPersonData

    @GetMapping("/api/v1/persons/{personId}/handover")
    @Operation(summary = "The handover document as JSON",
            description = "Caseworkers and team leads: the facts to hand to a municipality outside this "
                    + "installation (the same as the PDF at /personen/{id}/traject/overdracht.pdf); logged as a read "
                    + "of the person. 404 for a person of another municipality.")
    TransferFacts handover(@PathVariable UUID personId) {
        TransferFacts facts = transfers.facts(personId);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return facts;
    }

    @PostMapping("/api/v1/persons/{personId}/transfers")
    @Operation(summary = "Offer the trajectory to another municipality",
            description = "Caseworkers and team leads: offers the facts to the municipality with this CBS code "
                    + "(400 without, or for the own municipality); a municipality outside this installation "
                    + "answers 422 (use the handover document). One open offer per person (409). 201 with the "
                    + "transfer; logged for the person.")
    ResponseEntity<TransferResource> offer(@PathVariable UUID personId, @RequestBody OfferRequest r) {
        Transfer transfer = transfers.offer(personId, r.toMunicipalityCode());
        return ResponseEntity.created(URI.create("/api/v1/transfers/" + transfer.id()))
            .eTag(IfMatch.etag(transfer.version()))
            .body(TransferResource.of(transfer));
    }

    @ShowsPersonData

    @GetMapping("/api/v1/transfers")
    @Operation(summary = "Transfers sent and received",
            description = "Caseworkers and team leads: the transfers of the own municipality, both ways, newest "
                    + "first, without facts; an outgoing one names its person, logged as a read of each person "
                    + "named.")
    TransferList list() {
        List<Transfer> all = transfers.all();
        audit.read(AuditAction.TRAJECTORY_READ,
                all.stream().filter(t -> !t.incoming()).map(Transfer::personId).distinct().toList());
        return new TransferList(all.stream()
            .map(t -> new TransferResource(t.id(), t.status(), t.fromMunicipality(), t.toMunicipality(), t.incoming(),
                    t.offeredOn(), t.decidedOn(), t.incoming() ? null : t.personId(), null))
            .toList());
    }

    @ShowsPersonData

    @GetMapping("/api/v1/transfers/{transferId}")
    @Operation(summary = "Read a transfer",
            description = "Caseworkers and team leads of the sending or the receiving municipality: the transfer, "
                    + "with its facts while it is offered (logged as a read), with its version as ETag. 404 for "
                    + "anyone else.")
    ResponseEntity<TransferResource> transfer(@PathVariable UUID transferId) {
        Transfer transfer = transfers.find(transferId);
        if (transfer.facts() != null) {
            audit.read(AuditAction.TRAJECTORY_READ, transfer.personId());
        }
        return ResponseEntity.ok().eTag(IfMatch.etag(transfer.version())).body(TransferResource.of(transfer));
    }

    @PostMapping("/api/v1/transfers/{transferId}/acceptance")
    @Operation(summary = "Accept a transfer",
            description = "Caseworkers and team leads of the receiving municipality: registers the person here "
                    + "with the trajectory's facts and closes the file to the sender (its users then get 404). A "
                    + "transfer not offered, or one's own, answers 409. If-Match is optional; stale answers 412.")
    Accepted accept(@PathVariable UUID transferId, IfMatch ifMatch) {
        UUID person = transfers.accept(transferId, ifMatch.optional());
        return new Accepted(person, TransferResource.of(transfers.find(transferId)));
    }

    @PostMapping("/api/v1/transfers/{transferId}/withdrawal")
    @Operation(summary = "Withdraw a transfer",
            description = "Caseworkers and team leads of the sending municipality, while it is offered (409 "
                    + "otherwise). If-Match is optional; stale answers 412.")
    TransferResource withdraw(@PathVariable UUID transferId, IfMatch ifMatch) {
        return TransferResource.of(transfers.withdraw(transferId, ifMatch.optional()));
    }

}
