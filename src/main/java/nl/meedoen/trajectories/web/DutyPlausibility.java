package nl.meedoen.trajectories.web;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.law.NationalRules;
import nl.meedoen.law.Rule;
import nl.meedoen.law.RuleCode;
import nl.meedoen.residents.FileNotices;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.trajectories.internal.IntegrationDuties;
import nl.meedoen.trajectories.internal.IntegrationDuties.Duty;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A warning at the top of the file when a recorded civic-integration duty does not fit
 * the person: someone younger than the age from which the duty applies on the day of
 * DUO's notice (a newborn with a duty is a typing error or a wrong file). A warning,
 * never a refusal, since DUO decides the duty; the age comes from the national rule set
 * in force on the notice's date. Showing it is a read of the duty, logged when there is
 * one to show.
 */
@Component
class DutyPlausibility implements FileNotices {

    private final IntegrationDuties duties;

    private final Residents residents;

    private final NationalRules rules;

    private final MessageSource messages;

    private final AuditLog audit;

    DutyPlausibility(IntegrationDuties duties, Residents residents, NationalRules rules, MessageSource messages,
            AuditLog audit) {
        this.duties = duties;
        this.residents = residents;
        this.rules = rules;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public List<Notice> forPerson(UUID personId) {
        Optional<Duty> duty = duties.find(personId);
        Optional<Resident> person = residents.find(personId);
        if (duty.isEmpty() || person.isEmpty()) {
            return List.of();
        }
        LocalDate notice = duty.get().duoNoticeDate();
        if (notice.isBefore(NationalRules.firstEffectiveDate())) {
            return List.of();
        }
        // The minimum age is a rule of the Wet inburgering 2021; a duty of an earlier act
        // (a notice before that rule was in force) is not checked against it.
        Optional<Rule> minimumAge = rules.inForceOn(notice).find(RuleCode.DUTY_MINIMUM_AGE_YEARS);
        if (minimumAge.isEmpty()) {
            return List.of();
        }
        int minimum = minimumAge.get().value();
        int age = Period.between(person.get().dateOfBirth(), notice).getYears();
        if (age >= minimum) {
            return List.of();
        }
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        String text = messages.getMessage("trajectories.plausibility.dutyTooYoung",
                new Object[] { Math.max(age, 0), minimum }, LocaleContextHolder.getLocale());
        return List.of(new Notice(text, "/personen/" + personId + "/traject", "CHECK"));
    }

}
