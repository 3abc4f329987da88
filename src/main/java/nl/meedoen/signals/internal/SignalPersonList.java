package nl.meedoen.signals.internal;

import java.util.List;

import nl.meedoen.residents.PersonListFilter;

import org.springframework.stereotype.Component;

/**
 * The person list's filter on open signals (open or acknowledged), as a condition on this
 * module's {@code signal} table and its index of open signals per person.
 */
@Component
class SignalPersonList implements PersonListFilter {

    private static final String OPEN = """
            exists (select 1 from signal s where s.municipality_id = :m and s.person_id = p.id
                and s.status in ('OPEN', 'ACKNOWLEDGED'))""";

    @Override
    public String parameter() {
        return "signalen";
    }

    @Override
    public String labelKey() {
        return "persons.filter.signals";
    }

    @Override
    public List<String> choices() {
        return List.of("OPEN", "NONE");
    }

    @Override
    public String choiceKey(String choice) {
        return "persons.filter.signals." + choice;
    }

    @Override
    public String condition(String choice) {
        return switch (choice) {
            case "OPEN" -> OPEN;
            case "NONE" -> "not " + OPEN;
            default -> throw new IllegalArgumentException(choice);
        };
    }

}
