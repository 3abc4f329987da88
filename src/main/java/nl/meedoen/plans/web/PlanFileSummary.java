package nl.meedoen.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.plans.internal.PersonalPlan;
import nl.meedoen.plans.internal.PersonalPlan.Goal;
import nl.meedoen.plans.internal.PersonalPlan.Version;
import nl.meedoen.plans.internal.PersonalPlans;
import nl.meedoen.residents.FileSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The plan's part of the person's file header: the status of the plan (a draft or the
 * version adopted) and the next progress review; and its goals in the printed file.
 * Showing it is a read of the plan, logged here when there is a plan.
 */
@Component
class PlanFileSummary implements FileSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final PersonalPlans plans;

    private final MessageSource messages;

    private final AuditLog audit;

    private final Clock clock;

    PlanFileSummary(PersonalPlans plans, MessageSource messages, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Fact> header(UUID personId) {
        return plans.find(personId).map(plan -> facts(personId, plan)).orElse(List.of());
    }

    private List<Fact> facts(UUID personId, PersonalPlan plan) {
        String href = "/personen/" + personId + "/plan";
        Version v = plan.version();
        List<Fact> facts = new ArrayList<>();
        Version adopted = plan.lastAdopted().orElse(null);
        String status;
        if (v.adopted() && v.adoptedOn() != null) {
            status = text("file.header.plan.adopted", v.number(), DAY.format(v.adoptedOn()));
        }
        else if (adopted != null && adopted.adoptedOn() != null) {
            status = text("file.header.plan.adoptedWithDraft", adopted.number(), DAY.format(adopted.adoptedOn()),
                    v.number());
        }
        else {
            status = text("file.header.plan.draft", v.number());
        }
        facts.add(Fact.of(text("file.header.plan"), status, href));
        if (adopted != null) {
            facts.add(new Fact(text("file.header.review"), DAY.format(plan.nextReviewDue()), href + "#gesprek",
                    plan.reviewOverdue(LocalDate.now(clock))));
        }
        audit.read(AuditAction.PLAN_READ, personId);
        return facts;
    }

    @Override
    public List<Section> printed(UUID personId) {
        List<Fact> lines = new ArrayList<>(header(personId));
        plans.find(personId).ifPresent(plan -> {
            for (Goal goal : plan.version().goals()) {
                lines.add(Fact.of(text("plans.area." + goal.area()),
                        goal.description() + " (" + text("plans.status." + goal.status()) + ")", null));
            }
        });
        return List.of(new Section(text("file.tab.plan"), lines));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

}
