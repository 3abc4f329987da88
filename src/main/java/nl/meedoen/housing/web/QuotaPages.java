package nl.meedoen.housing.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.meedoen.housing.QuotaPeriod;
import nl.meedoen.housing.internal.Forecasts;
import nl.meedoen.housing.internal.HousingQuota;
import nl.meedoen.housing.internal.HousingSettings;
import nl.meedoen.housing.internal.QuotaLedger;
import nl.meedoen.platform.csv.SafeCsv;
import nl.meedoen.platform.database.SettingsVersions;
import nl.meedoen.platform.web.Forms;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quota pages: the overview of the current period with the history chart, the period
 * table as CSV, the form for official figures, forecasts and the municipality's housing
 * settings. No person appears on these pages.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'POLICY_OFFICER', 'ADMIN')")
class QuotaPages {

    static final String DEMO_SOURCE_PREFIX = "Demogegeven";

    /**
     * The form for an official figure; text fields, so that any input gets a Dutch
     * message.
     */
    record OfficialForm(
            @NotBlank(message = "{housing.period.invalid}") @Pattern(regexp = "\\s*\\d{4}(-H[12])?\\s*",
                    message = "{housing.period.invalid}") @Nullable String period,
            @NotBlank(message = "{housing.official.required}") @Pattern(regexp = "\\s*\\d{1,7}\\s*",
                    message = "{housing.number.wholeNonNegative}") @Nullable String official,
            @NotBlank(message = "{housing.source.required}") @Size(max = 500,
                    message = "{field.tooLong}") @Nullable String source) {
    }

    record ForecastForm(
            @NotBlank(message = "{housing.period.invalid}") @Pattern(regexp = "\\s*\\d{4}(-H[12])?\\s*",
                    message = "{housing.period.invalid}") @Nullable String period,
            @NotBlank(message = "{housing.nationalTotal.required}") @Pattern(regexp = "\\s*\\d{1,6}\\s*",
                    message = "{housing.number.wholeNonNegative}") @Nullable String nationalTotal) {
    }

    record SettingsForm(
            @NotNull(message = "{housing.settings.housingWeeks.invalid}") @Min(value = 1,
                    message = "{housing.settings.housingWeeks.invalid}") @Max(value = 52,
                            message = "{housing.settings.housingWeeks.invalid}") @Nullable Integer housingWeeks,
            @NotNull(message = "{housing.settings.moveWeeks.invalid}") @Min(value = 0,
                    message = "{housing.settings.moveWeeks.invalid}") @Max(value = 26,
                            message = "{housing.settings.moveWeeks.invalid}") @Nullable Integer moveWeeks,
            @Nullable Boolean familyReunificationCounts) {
    }

    private final HousingQuota quota;

    private final Forecasts forecasts;

    private final HousingSettings settings;

    private final MessageSource messages;

    private final Clock clock;

    private final SettingsVersions versions;

    QuotaPages(HousingQuota quota, Forecasts forecasts, HousingSettings settings, MessageSource messages, Clock clock,
            SettingsVersions versions) {
        this.versions = versions;
        this.quota = quota;
        this.forecasts = forecasts;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/huisvesting")
    String overview(Model model) {
        QuotaLedger ledger = quota.ledger();
        QuotaLedger.Line current = ledger.line(currentPeriod());
        model.addAttribute("current", current);
        model.addAttribute("percent",
                current.target() == 0 ? 100 : Math.min(100, current.housed() * 100 / current.target()));
        model.addAttribute("lines", ledger.lines());
        model.addAttribute("chart", QuotaChart.of(ledger.lines()));
        model.addAttribute("demoPrefix", DEMO_SOURCE_PREFIX);
        return "housing/overview";
    }

    @GetMapping(value = "/huisvesting/perioden.csv")
    ResponseEntity<byte[]> export() throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        StringWriter out = new StringWriter();
        SafeCsv csv = SafeCsv.open(out,
                List.of(text("housing.period", locale), text("housing.official", locale),
                        text("housing.housed", locale), text("housing.carriedIn", locale),
                        text("housing.balance", locale), text("housing.source", locale)));
        for (QuotaLedger.Line line : quota.ledger().lines()) {
            csv.row(line.period(), line.official(), line.housed(), line.carriedIn(), line.balance(), line.source());
        }
        csv.flush();
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename("taakstelling-perioden.csv").build().toString())
            .body(withBom);
    }

    @GetMapping("/huisvesting/taakstelling")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'ADMIN')")
    String officialForm(@RequestParam(name = "periode", required = false) @Nullable String period, Model model) {
        // An unusable period in the address opens an empty form.
        OfficialForm form = QuotaPeriod.tryParse(period)
            .map(quota.ledger()::line)
            .map(line -> new OfficialForm(line.period().toString(),
                    line.official() == null ? null : line.official().toString(), line.source()))
            .orElse(new OfficialForm(null, null, null));
        model.addAttribute("official", form);
        model.addAttribute("version", QuotaPeriod.tryParse(period).flatMap(quota::version).orElse(null));
        return "housing/official";
    }

    @PostMapping("/huisvesting/taakstelling")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'ADMIN')")
    String setOfficial(@Valid @ModelAttribute("official") OfficialForm form, BindingResult errors,
            @RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> quota.setOfficial(QuotaPeriod.parse(form.period()),
                Integer.parseInt(form.official().strip()), form.source().strip(), version))) {
            redirect.addFlashAttribute("saved", QuotaPeriod.parse(form.period()).toString());
            return "redirect:/huisvesting";
        }
        model.addAttribute("version", version);
        return "housing/official";
    }

    @GetMapping("/huisvesting/prognose")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'POLICY_OFFICER', 'ADMIN')")
    String forecast(Model model) {
        model.addAttribute("forecastForm", new ForecastForm(currentPeriod().toString(), null));
        return forecastPage(model);
    }

    @PostMapping("/huisvesting/prognose")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'POLICY_OFFICER', 'ADMIN')")
    String computeForecast(@Valid @ModelAttribute("forecastForm") ForecastForm form, BindingResult errors,
            Model model) {
        List<Forecasts.Population> populations = forecasts.populations();
        if (!errors.hasErrors() && populations.stream().mapToLong(Forecasts.Population::population).sum() == 0) {
            errors.reject("housing.forecast.populations.none");
        }
        if (errors.hasErrors()) {
            return forecastPage(model);
        }
        forecasts.forecast(QuotaPeriod.parse(form.period()), Integer.parseInt(form.nationalTotal().strip()),
                populations);
        return "redirect:/huisvesting/prognose#uitkomst";
    }

    @PostMapping("/huisvesting/prognose/inwoners")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'POLICY_OFFICER', 'ADMIN')")
    String uploadPopulations(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        String error = "housing.population.csv.required";
        if (file != null && !file.isEmpty()) {
            byte[] csv = file.getBytes();
            var refusal = Forms.refusal(() -> forecasts.replacePopulations(
                    Forecasts.readCsv(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))));
            if (refusal == null) {
                redirect.addFlashAttribute("uploaded", true);
                return "redirect:/huisvesting/prognose";
            }
            error = refusal.messageKey();
        }
        model.addAttribute("forecastForm", new ForecastForm(currentPeriod().toString(), null));
        model.addAttribute("uploadError", text(error, LocaleContextHolder.getLocale()));
        return forecastPage(model);
    }

    private String forecastPage(Model model) {
        model.addAttribute("populations", forecasts.populations());
        model.addAttribute("latest", forecasts.latest().orElse(null));
        return "housing/forecast";
    }

    @GetMapping("/huisvesting/instellingen")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'ADMIN')")
    String settings(Model model) {
        HousingSettings.Rules rules = settings.current();
        model.addAttribute("settingsForm",
                new SettingsForm(rules.housingWeeks(), rules.moveWeeks(), rules.familyReunificationCounts()));
        model.addAttribute("version", versions.current("housing_setting"));
        return "housing/settings";
    }

    @PostMapping("/huisvesting/instellingen")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'ADMIN')")
    String changeSettings(@Valid @ModelAttribute("settingsForm") SettingsForm form, BindingResult errors,
            @RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> versions.change("housing_setting", version,
                        () -> settings.change(new HousingSettings.Rules(form.housingWeeks(), form.moveWeeks(),
                                Boolean.TRUE.equals(form.familyReunificationCounts())))))) {
            redirect.addFlashAttribute("saved", "housing.settings.saved");
            return "redirect:/huisvesting/instellingen";
        }
        model.addAttribute("version", versions.current("housing_setting"));
        return "housing/settings";
    }

    private QuotaPeriod currentPeriod() {
        return QuotaPeriod.halfYearOf(LocalDate.now(clock));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

}
