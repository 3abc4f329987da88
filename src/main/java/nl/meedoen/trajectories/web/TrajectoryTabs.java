package nl.meedoen.trajectories.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.law.NationalRules;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.trajectories.internal.TrajectorySettings;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every tab of a person's trajectory shows around its own part: the person, the
 * municipality's durations and today; and the one read of the person's trajectory that
 * showing a tab is.
 */
@Component
class TrajectoryTabs {

    private final Residents residents;

    private final TrajectorySettings settings;

    private final AuditLog audit;

    private final Clock clock;

    private final NationalRules law;

    TrajectoryTabs(Residents residents, TrajectorySettings settings, AuditLog audit, Clock clock, NationalRules law) {
        this.residents = residents;
        this.law = law;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Puts the person, the local policy ({@code rules}), the legal numbers in force today
     * ({@code legal}, by rule code) and {@code today} in the model; another
     * municipality's person is not found.
     */
    Resident open(UUID personId, Model model) {
        Resident person = residents.find(personId).orElseThrow(NotFoundException::new);
        model.addAttribute("person", person);
        model.addAttribute("rules", rules());
        model.addAttribute("legal", law.inForceOn(today()).values());
        model.addAttribute("today", today());
        return person;
    }

    TrajectorySettings.Rules rules() {
        return settings.current();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Logs that the tab shows the person's trajectory and names its template. */
    String shown(UUID personId, String tab) {
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return "trajectories/" + tab;
    }

    /**
     * After a change: the message for the tab redirected to ({@code path} after the
     * trajectory's address, empty for the overview).
     */
    static String saved(RedirectAttributes redirect, String key, UUID personId, String path) {
        redirect.addFlashAttribute("saved", key);
        return "redirect:/personen/" + personId + "/traject" + path;
    }

}
