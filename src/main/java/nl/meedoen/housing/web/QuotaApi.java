package nl.meedoen.housing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import nl.meedoen.housing.QuotaPeriod;
import nl.meedoen.housing.internal.Forecasts;
import nl.meedoen.housing.internal.HousingQuota;
import nl.meedoen.housing.internal.QuotaLedger;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The housing quota over JSON: official figures per period, the computed periods and
 * forecasts. Quota figures are aggregates, so policy officers may read them too; official
 * figures are entered by team leads and administrators.
 */
@RestController
@RequestMapping("/api/v1/housing-quota")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'POLICY_OFFICER', 'ADMIN')")
@Tag(name = "Housing quota", description = """
        The housing quota (taakstelling) per period (YYYY-H1, YYYY-H2, or YYYY for the early yearly figures): the \
        official figure, the persons housed, the balance carried in and forecasts from a national total. Aggregates \
        only, so caseworkers, team leads, policy officers and administrators may read them.""")
class QuotaApi {

    /**
     * A period as the API shows it; {@code official} is null while no figure is on
     * record.
     */
    record PeriodResource(String period, @Nullable Integer official, int housed, int carriedIn, int balance) {

        static PeriodResource of(QuotaLedger.Line line) {
            return new PeriodResource(line.period().toString(), line.official(), line.housed(), line.carriedIn(),
                    line.balance());
        }
    }

    record PeriodList(List<PeriodResource> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OfficialFigure(
            @NotNull(message = "{housing.official.required}") @PositiveOrZero(
                    message = "{housing.number.wholeNonNegative}") @Digits(integer = 7, fraction = 0,
                            message = "{housing.number.wholeNonNegative}") @Nullable BigDecimal official,
            @NotBlank(message = "{housing.source.required}") @Size(max = 500,
                    message = "{field.tooLong}") @Nullable String source) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ForecastRequest(@NotBlank(message = "{housing.period.invalid}") @Nullable String period,
            @NotNull(message = "{housing.nationalTotal.required}") @PositiveOrZero(
                    message = "{housing.number.wholeNonNegative}") @Max(value = 1_000_000,
                            message = "{housing.number.wholeNonNegative}") @Digits(integer = 7, fraction = 0,
                                    message = "{housing.number.wholeNonNegative}") @Nullable BigDecimal nationalTotal,
            @NotNull(message = "{housing.population.required}") @Nullable Map<String, BigDecimal> populations) {
    }

    record ForecastResource(String method, Map<String, Integer> allocations) {
    }

    private final HousingQuota quota;

    private final Forecasts forecasts;

    QuotaApi(HousingQuota quota, Forecasts forecasts) {
        this.quota = quota;
        this.forecasts = forecasts;
    }

    @PutMapping("/{period}")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'ADMIN')")
    @Operation(summary = "Set an official figure", description = """
            Team leads and administrators record the official figure of a period with its source; later periods \
            are computed again. A period that is not YYYY-H1/H2 or YYYY, a negative or fractional figure or a \
            missing source answer 400; a half-year of a year known as a yearly figure answers 409. The first \
            figure of a period needs no If-Match; a correction needs the period's ETag (428 without, 412 when \
            stale).""")
    ResponseEntity<PeriodResource> setOfficial(@PathVariable String period, IfMatch ifMatch,
            @Valid @RequestBody OfficialFigure figure) {
        QuotaPeriod parsed = QuotaPeriod.parse(period);
        PeriodResource set = PeriodResource.of(quota.setOfficial(parsed, figure.official().intValueExact(),
                figure.source().strip(), ifMatch.optional()));
        return tagged(parsed, set);
    }

    private ResponseEntity<PeriodResource> tagged(QuotaPeriod period, PeriodResource resource) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        quota.version(period).ifPresent(v -> answer.eTag(IfMatch.etag(v)));
        return answer.body(resource);
    }

    @GetMapping("/{period}")
    @Operation(summary = "One period", description = """
            The official figure (null while none is on record), housed, carried in and balance of the period; \
            400 for a text that names no period.""")
    ResponseEntity<PeriodResource> period(@PathVariable String period) {
        QuotaPeriod parsed = QuotaPeriod.parse(period);
        return tagged(parsed, PeriodResource.of(quota.ledger().line(parsed)));
    }

    @GetMapping
    @Operation(summary = "The periods", description = """
            Every period from the first on record to the current one, or between from and to (each optional; 400 \
            naming the parameter when it is not a period).""")
    PeriodList periods(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        QuotaPeriod first = bound("from", from);
        QuotaPeriod last = bound("to", to);
        return new PeriodList(quota.ledger().between(first, last).stream().map(PeriodResource::of).toList());
    }

    @PostMapping("/forecasts")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'POLICY_OFFICER', 'ADMIN')")
    @Operation(summary = "Compute a forecast", description = """
            Shares a national total among the municipalities given (CBS code to population) in proportion to \
            population, by the largest-remainder rule; stored apart from the official figure. Team leads, policy \
            officers and administrators; a bad code or number answers 400 naming populations.<code>.""")
    ForecastResource forecast(@Valid @RequestBody ForecastRequest request) {
        QuotaPeriod period = QuotaPeriod.parse(request.period());
        List<Forecasts.Population> populations = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> entry : request.populations().entrySet()) {
            BigDecimal value = entry.getValue();
            if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 0
                    || value.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
                throw new InvalidInputException("populations." + entry.getKey(), "housing.number.wholeNonNegative");
            }
            populations.add(new Forecasts.Population(entry.getKey(), null, value.longValueExact()));
        }
        Forecasts.Forecast forecast = forecasts.forecast(period, request.nationalTotal().intValueExact(), populations);
        return new ForecastResource(forecast.method(), forecast.allocations());
    }

    private static @Nullable QuotaPeriod bound(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return QuotaPeriod.tryParse(value).orElseThrow(() -> new InvalidInputException(name, "housing.period.invalid"));
    }

}
