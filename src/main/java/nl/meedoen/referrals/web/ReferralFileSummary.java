package nl.meedoen.referrals.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.referrals.internal.ReferralViews;
import nl.meedoen.referrals.internal.ReferralViews.View;
import nl.meedoen.residents.FileSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The referrals' part of the person's file header: the number of open referrals (a draft,
 * sent, accepted or started), marked when one waits too long for the partner; and every
 * referral in the printed file. Showing it is a read of the referrals, logged here when
 * there are any.
 */
@Component
class ReferralFileSummary implements FileSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final ReferralViews views;

    private final MessageSource messages;

    private final AuditLog audit;

    ReferralFileSummary(ReferralViews views, MessageSource messages, AuditLog audit) {
        this.views = views;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Fact> header(UUID personId) {
        List<View> open = views.list(personId, null)
            .stream()
            .filter(v -> !v.referral().status().next().isEmpty())
            .toList();
        if (open.isEmpty()) {
            return List.of();
        }
        audit.read(AuditAction.REFERRAL_READ, personId);
        return List.of(new Fact(text("file.header.referrals"), text("file.header.referrals.count", open.size()),
                "/personen/" + personId + "/verwijzingen", open.stream().anyMatch(View::waitingTooLong)));
    }

    @Override
    public List<Section> printed(UUID personId) {
        List<View> all = views.list(personId, null);
        List<Fact> lines = new ArrayList<>();
        for (View v : all) {
            var r = v.referral();
            lines.add(Fact.of(v.provisionName() + " — " + v.partnerName(),
                    text("referrals.status." + r.status())
                            + (r.sentOn() == null ? "" : ", " + text("file.print.sentOn", DAY.format(r.sentOn())))
                            + ": " + r.purpose(),
                    null));
        }
        if (!all.isEmpty()) {
            audit.read(AuditAction.REFERRAL_READ, personId);
        }
        return List.of(new Section(text("file.tab.referrals"), lines));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

}
