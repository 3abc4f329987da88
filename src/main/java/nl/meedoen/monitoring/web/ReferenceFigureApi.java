package nl.meedoen.monitoring.web;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.monitoring.internal.ReferenceFigures;
import nl.meedoen.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The national reference figures the administrator keeps, each with its source. */
@RestController
@RequestMapping("/api/v1/reference-figures")
@Tag(name = "Reference figures", description = """
        The national figures (CBS and others) the monitor shows beside an indicator (by its code) or a cohort \
        measure (COHORT_<measure>_<months>), each with its source. Kept by the administrator.""")
class ReferenceFigureApi {

    record Figure(String code, BigDecimal value, String source) {
    }

    record Table(List<Figure> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FigureChange(@NotBlank(message = "{monitoring.reference.code.invalid}") @Nullable String code,
            @NotNull(message = "{monitoring.reference.value.invalid}") @Nullable BigDecimal value,
            @NotBlank(message = "{monitoring.reference.source.invalid}") @Nullable String source) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TableChange(
            @NotNull(message = "{monitoring.reference.items.required}") @Nullable List<@Valid FigureChange> items) {
    }

    private final ReferenceFigures references;

    ReferenceFigureApi(ReferenceFigures references) {
        this.references = references;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The reference figures", description = """
            Administrators. Every figure with its code, value and source; the ETag is the version to send back in \
            If-Match.""")
    ResponseEntity<Table> read() {
        return ResponseEntity.ok().eTag(IfMatch.etag(references.version())).body(table());
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace the reference figures", description = """
            Administrators replace the whole table. A code that is not 2–60 capitals, digits or underscores (or \
            comes twice), a value outside 0–100000 or with more than one decimal, or a source that is empty or \
            over 500 characters answers 400 naming the item, and nothing is written. If-Match is required (428 \
            without, 412 when stale).""")
    ResponseEntity<Table> replace(IfMatch ifMatch, @Valid @RequestBody TableChange change) {
        int version = references.replace(change.items()
            .stream()
            .map(f -> new ReferenceFigures.Reference(f.code(), f.value(), f.source(), 0))
            .toList(), ifMatch.required());
        return ResponseEntity.ok().eTag(IfMatch.etag(version)).body(table());
    }

    private Table table() {
        return new Table(
                references.all().values().stream().map(r -> new Figure(r.code(), r.value(), r.source())).toList());
    }

}
