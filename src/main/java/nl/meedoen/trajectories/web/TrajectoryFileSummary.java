package nl.meedoen.trajectories.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.Colleagues.Colleague;
import nl.meedoen.residents.FileSummary;
import nl.meedoen.trajectories.internal.Deadlines;
import nl.meedoen.trajectories.internal.Deadlines.Deadline;
import nl.meedoen.trajectories.internal.Exemptions;
import nl.meedoen.trajectories.internal.Guidance;
import nl.meedoen.trajectories.internal.Guidances;
import nl.meedoen.trajectories.internal.Guidances.ExtensionRequest;
import nl.meedoen.trajectories.internal.Intakes;
import nl.meedoen.trajectories.internal.IntegrationDuties;
import nl.meedoen.trajectories.internal.IntegrationDuties.Duty;
import nl.meedoen.trajectories.internal.LearningRoutes;
import nl.meedoen.trajectories.internal.LearningRoutes.Progress;
import nl.meedoen.trajectories.internal.Ontzorgen;
import nl.meedoen.trajectories.internal.ParticipationDeclarations;
import nl.meedoen.trajectories.internal.Timeline;
import nl.meedoen.trajectories.internal.TrajectoryCaseworkers;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The trajectory's part of the person's file header: the caseworker of record, the phase
 * (guidance until …, the PIP due or adopted, the learning route and its period) and the
 * next deadline; and the trajectory's timeline in the printed file. Showing it is a read
 * of the trajectory, logged here when there is something to show.
 */
@Component
class TrajectoryFileSummary implements FileSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final TrajectoryCaseworkers caseworkers;

    private final Guidances guidances;

    private final IntegrationDuties duties;

    private final Deadlines deadlines;

    private final ParticipationDeclarations pvts;

    private final Intakes intakes;

    private final Exemptions exemptions;

    private final LearningRoutes routes;

    private final Ontzorgen ontzorgen;

    private final MessageSource messages;

    private final AuditLog audit;

    private final Clock clock;

    TrajectoryFileSummary(TrajectoryCaseworkers caseworkers, Guidances guidances, IntegrationDuties duties,
            Deadlines deadlines, ParticipationDeclarations pvts, Intakes intakes, Exemptions exemptions,
            LearningRoutes routes, Ontzorgen ontzorgen, MessageSource messages, AuditLog audit, Clock clock) {
        this.caseworkers = caseworkers;
        this.guidances = guidances;
        this.duties = duties;
        this.deadlines = deadlines;
        this.pvts = pvts;
        this.intakes = intakes;
        this.exemptions = exemptions;
        this.routes = routes;
        this.ontzorgen = ontzorgen;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Fact> header(UUID personId) {
        LocalDate today = LocalDate.now(clock);
        String trajectory = "/personen/" + personId + "/traject";
        List<Fact> facts = new ArrayList<>();
        caseworkers.of(personId)
            .map(Colleague::displayName)
            .ifPresent(name -> facts.add(Fact.of(text("file.header.caseworker"), name, trajectory)));
        guidances.find(personId)
            .ifPresent(g -> facts.add(Fact.of(text("file.header.guidance"),
                    g.status() == Guidance.Status.ACTIVE ? text("file.header.guidance.until", day(g.endDate())) : text(
                            "file.header.guidance.closed", day(g.closedOn() == null ? g.endDate() : g.closedOn())),
                    trajectory)));
        duties.find(personId).ifPresent(duty -> {
            if (duty.planAdoptedOn() != null) {
                facts.add(Fact.of(text("file.header.pip"), text("file.header.pip.adopted", day(duty.planAdoptedOn())),
                        trajectory));
            }
            else if (duty.planDueDate() != null) {
                facts.add(new Fact(text("file.header.pip"), text("file.header.pip.due", day(duty.planDueDate())),
                        trajectory, duty.planDueDate().isBefore(today)));
            }
            if (duty.route() != null) {
                String route = text("trajectories.route." + duty.route());
                facts.add(Fact.of(text("file.header.route"),
                        duty.integrationPeriodStart() == null || duty.integrationPeriodEnd() == null ? route
                                : text("file.header.route.period", route, day(duty.integrationPeriodStart()),
                                        day(duty.integrationPeriodEnd())),
                        trajectory + "/leerroute"));
            }
        });
        List<Deadline> open = deadlines.forPerson(personId, today);
        if (!open.isEmpty()) {
            Deadline next = open.get(0);
            facts.add(new Fact(
                    text("file.header.nextDeadline"), text("file.header.nextDeadline.value",
                            text("trajectories.deadline." + next.kind()), day(next.dueDate())),
                    trajectory, next.overdue()));
        }
        if (!facts.isEmpty()) {
            audit.read(AuditAction.TRAJECTORY_READ, personId);
        }
        return facts;
    }

    @Override
    public List<Section> printed(UUID personId) {
        LocalDate today = LocalDate.now(clock);
        Guidance guidance = guidances.find(personId).orElse(null);
        List<ExtensionRequest> requests = guidances.extensionRequests(personId);
        Duty duty = duties.find(personId).orElse(null);
        Optional<Progress> progress = routes.find(personId);
        List<Timeline.Entry> timeline = Timeline.of(guidance, requests, duty, pvts.find(personId),
                intakes.appointments(personId), intakes.find(personId).completedOn(), exemptions.of(personId),
                progress.map(Progress::changes).orElse(List.of()), progress.map(Progress::exams).orElse(List.of()),
                ontzorgen.find(personId).orElse(null), today);
        List<Fact> lines = new ArrayList<>(header(personId));
        Locale locale = LocaleContextHolder.getLocale();
        for (Timeline.Entry e : timeline) {
            String what = messages.getMessage("trajectories." + e.key(), e.arguments().toArray(), e.key(), locale);
            if (e.state() != Timeline.State.DONE) {
                what += " ("
                        + text(e.state() == Timeline.State.DUE ? "trajectories.timeline.due" : "trajectories.overdue")
                        + ")";
            }
            lines.add(new Fact(day(e.date()), what, null, e.state() == Timeline.State.OVERDUE));
        }
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return List.of(new Section(text("file.tab.trajectory"), lines));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    private static String day(LocalDate date) {
        return DAY.format(date);
    }

}
