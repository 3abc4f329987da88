package nl.meedoen.residents.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.FileSummary;
import nl.meedoen.residents.FileSummary.Fact;
import nl.meedoen.residents.internal.Person;
import nl.meedoen.residents.internal.PersonFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The summary above every tab of a person's file and the tabs themselves: who the person
 * is (name, category, team) from this module, and the facts the other modules contribute
 * ({@link FileSummary}), each part only when its module holds something. Showing the
 * header is a read of the file, logged here; each contribution logs the read of its own
 * facts.
 */
@Component
class FileHeaders {

    /** One tab of the file: its key, its address under the file and its label. */
    record Tab(String key, String path, String labelKey) {
    }

    /** The tabs, in the order shown. */
    static final List<Tab> TABS = List.of(new Tab("dossier", "", "file.tab.file"),
            new Tab("traject", "/traject", "file.tab.trajectory"), new Tab("plan", "/plan", "file.tab.plan"),
            new Tab("verwijzingen", "/verwijzingen", "file.tab.referrals"),
            new Tab("netwerk", "/netwerk", "file.tab.network"),
            new Tab("mijn-meedoen", "/mijn-meedoen", "file.tab.portal"), new Tab("delen", "/delen", "file.tab.shares"));

    /** The tab each page of the file belongs to, by its template. */
    static final Map<String, String> TAB_OF_VIEW = Map.ofEntries(Map.entry("residents/file", "dossier"),
            Map.entry("trajectories/trajectory", "traject"), Map.entry("trajectories/intake", "traject"),
            Map.entry("trajectories/leerroute", "traject"), Map.entry("trajectories/ontzorgen", "traject"),
            Map.entry("trajectories/fines", "traject"), Map.entry("trajectories/fine", "traject"),
            Map.entry("trajectories/move", "traject"), Map.entry("plans/plan", "plan"),
            Map.entry("referrals/person", "verwijzingen"), Map.entry("network/person", "netwerk"),
            Map.entry("portal/file", "mijn-meedoen"), Map.entry("residents/shares", "delen"));

    /** What the header shows. */
    record Header(UUID personId, String name, Category category, @Nullable String team, boolean ended, List<Fact> facts,
            List<Tab> tabs, String current) {
    }

    private final PersonFiles files;

    private final Municipalities municipalities;

    private final List<FileSummary> parts;

    private final AuditLog audit;

    FileHeaders(PersonFiles files, Municipalities municipalities, List<FileSummary> parts, AuditLog audit) {
        this.files = files;
        this.municipalities = municipalities;
        this.parts = parts.stream().sorted(Comparator.comparingInt(FileSummary::order)).toList();
        this.audit = audit;
    }

    /** The header of a person's file with {@code current} the tab shown. */
    Header of(UUID personId, String current) {
        Person person = files.open(personId);
        audit.read(AuditAction.READ, personId);
        return of(person, current);
    }

    /**
     * The header of a file the caller has opened and logs as read in its own way (the
     * print view).
     */
    Header of(Person person, String current) {
        UUID personId = person.id();
        String team = person.teamId() == null ? null : municipalities.teamNames(Tenancy.require()).get(person.teamId());
        List<Fact> facts = parts.stream().flatMap(part -> part.header(personId).stream()).toList();
        return new Header(personId, person.fullName(), person.data().category(), team, person.ended(), facts, TABS,
                current);
    }

    /** Every contributed section of the printed file, in the parts' order. */
    List<FileSummary.Section> printed(UUID personId) {
        return parts.stream().flatMap(part -> part.printed(personId).stream()).toList();
    }

    /** The tab a template belongs to, or null for a page that is no tab of the file. */
    static @Nullable String tabOf(@Nullable String viewName) {
        return viewName == null ? null : TAB_OF_VIEW.get(viewName);
    }

}
