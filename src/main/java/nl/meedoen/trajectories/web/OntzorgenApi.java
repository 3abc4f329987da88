package nl.meedoen.trajectories.web;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.trajectories.internal.Ontzorgen;
import nl.meedoen.trajectories.internal.Ontzorgen.Arrangement;
import nl.meedoen.trajectories.internal.TrajectoryCaseworkers;
import nl.meedoen.identity.Colleagues.Colleague;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ontzorgen and the person's trajectory caseworker over JSON. */
@RestController
@RequestMapping("/api/v1/persons/{personId}")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
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

    OntzorgenApi(Ontzorgen ontzorgen, TrajectoryCaseworkers caseworkers) {
        this.ontzorgen = ontzorgen;
        this.caseworkers = caseworkers;
    }

    @GetMapping("/ontzorgen")
    ResponseEntity<OntzorgenResource> ontzorgen(@PathVariable UUID personId) {
        Arrangement a = ontzorgen.find(personId).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().eTag(Versions.etag(a.version())).body(OntzorgenResource.of(a));
    }

    /** Starts or changes ontzorgen; each fixed cost is on unless switched off. */
    @PutMapping("/ontzorgen")
    ResponseEntity<OntzorgenResource> save(@PathVariable UUID personId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody OntzorgenRequest r) {
        int current = ontzorgen.find(personId).map(Arrangement::version).orElse(0);
        Arrangement a = ontzorgen.save(personId, r.assistanceStart(), !Boolean.FALSE.equals(r.rent()),
                !Boolean.FALSE.equals(r.energy()), !Boolean.FALSE.equals(r.healthInsurance()),
                Versions.expected(ifMatch, current));
        return ResponseEntity.ok().eTag(Versions.etag(a.version())).body(OntzorgenResource.of(a));
    }

    @GetMapping("/trajectory-caseworker")
    CaseworkerResource caseworker(@PathVariable UUID personId) {
        return CaseworkerResource.of(caseworkers.of(personId).orElseThrow(NotFoundException::new));
    }

    @PutMapping("/trajectory-caseworker")
    CaseworkerResource assign(@PathVariable UUID personId, @RequestBody CaseworkerRequest r) {
        return CaseworkerResource.of(caseworkers.assign(personId, r.userId()));
    }

}
