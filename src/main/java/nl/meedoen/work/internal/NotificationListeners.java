package nl.meedoen.work.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;

import nl.meedoen.identity.RoleApprovalDecided;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.portal.ChangeReported;
import nl.meedoen.portal.ResidentMessageSent;
import nl.meedoen.referrals.ConsentWithdrawn;
import nl.meedoen.referrals.ReferralResponded;
import nl.meedoen.signals.SignalsRaised;
import nl.meedoen.work.internal.Notifications.Kind;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Makes a notification for the responsible user from what the owning modules publish,
 * once their change is committed (through the event publication registry).
 */
@Component
class NotificationListeners {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

    private final Notifications notifications;

    NotificationListeners(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The caseworker who made the referral hears the partner's response. */
    @ApplicationModuleListener
    void on(ReferralResponded event) {
        Tenancy.runAs(event.municipalityId(),
                () -> notifications.add(event.caseworkerId(), Kind.REFERRAL_RESPONSE,
                        "work.notification.referral." + event.status().name(), List.of(DAY.format(event.on())),
                        "/verwijzingen/" + event.referralId()));
    }

    /** The owner of new signals hears how many a rule raised. */
    @ApplicationModuleListener
    void on(SignalsRaised event) {
        Tenancy.runAs(event.municipalityId(),
                () -> notifications.add(event.ownerId(), Kind.SIGNALS_RAISED, "work.notification.signals",
                        List.of(Integer.toString(event.count())), "/signalen?regel=" + event.rule().name()));
    }

    /** The administrator who asked for a role hears the second one's decision. */
    @ApplicationModuleListener
    void on(RoleApprovalDecided event) {
        Tenancy.runAs(event.municipalityId(),
                () -> notifications.add(event.requesterId(), Kind.APPROVAL_DECIDED,
                        "work.notification.approval." + (event.approved() ? "approved" : "declined"),
                        List.of(event.account()), "/beheer/accounts"));
    }

    /**
     * The caseworker who made the referral hears that the person withdrew the consent:
     * the task is to withdraw the referral or record another legal basis.
     */
    @ApplicationModuleListener
    void on(ConsentWithdrawn event) {
        Tenancy.runAs(event.municipalityId(),
                () -> notifications.add(event.caseworkerId(), Kind.CONSENT_WITHDRAWN,
                        "work.notification.consentWithdrawn", List.of(DAY.format(event.on())),
                        "/verwijzingen/" + event.referralId()));
    }

    /** The caseworkers of the file hear of the resident's message, to answer it. */
    @ApplicationModuleListener
    void on(ResidentMessageSent event) {
        Tenancy.runAs(event.municipalityId(),
                () -> event.caseworkerIds()
                    .forEach(caseworker -> notifications.add(caseworker, Kind.RESIDENT_MESSAGE,
                            "work.notification.residentMessage", List.of(),
                            "/personen/" + event.personId() + "/mijn-meedoen")));
    }

    /**
     * The caseworkers of the file hear of the reported change, to accept or reject it.
     */
    @ApplicationModuleListener
    void on(ChangeReported event) {
        Tenancy.runAs(event.municipalityId(),
                () -> event.caseworkerIds()
                    .forEach(caseworker -> notifications.add(caseworker, Kind.CHANGE_REPORTED,
                            "work.notification.changeReported", List.of(),
                            "/personen/" + event.personId() + "/mijn-meedoen")));
    }

}
