package nl.meedoen.residents.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.meedoen.residents.FileNotices;
import nl.meedoen.residents.Residents;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Warnings at the top of the file for dates that can be stored but hardly be true, such
 * as an arrival in the Netherlands before the person was born: a typing error to check,
 * not a reason to refuse the save (the register may hold odd dates, and a caseworker must
 * be able to record what it says). What it reads is the file being shown, logged there.
 */
@Component
class PersonPlausibility implements FileNotices {

    private final Residents residents;

    private final MessageSource messages;

    PersonPlausibility(Residents residents, MessageSource messages) {
        this.residents = residents;
        this.messages = messages;
    }

    @Override
    public List<Notice> forPerson(UUID personId) {
        List<Notice> notices = new ArrayList<>();
        residents.find(personId).ifPresent(person -> {
            if (person.arrivalDate() != null && person.arrivalDate().isBefore(person.dateOfBirth())) {
                notices.add(new Notice(messages.getMessage("person.plausibility.arrivalBeforeBirth", null,
                        LocaleContextHolder.getLocale()), "/personen/" + personId + "/bewerken", "CHECK"));
            }
        });
        return notices;
    }

}
