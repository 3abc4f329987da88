package nl.meedoen.datagen;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import nl.meedoen.datagen.Offices.Caseworker;
import nl.meedoen.datagen.Offices.Office;
import nl.meedoen.datagen.PersonFactory.SyntheticPerson;
import org.jspecify.annotations.Nullable;

/**
 * One person while the modules' facts are made for them: who, where, the caseworker who
 * would hold the file, and what the trajectory made of it so far, which the plan, income
 * and network facts follow.
 */
final class Life {

    final SyntheticPerson person;

    final Office office;

    final Caseworker caseworker;

    final LocalDate today;

    final int age;

    /** Set by the trajectory: the PIP's adoption and route, the guidance's handover. */
    @Nullable LocalDate pipAdoptedOn;

    @Nullable String route;

    @Nullable String routeLevel;

    @Nullable LocalDate periodStart;

    @Nullable LocalDate periodEnd;

    @Nullable LocalDate switchDeadline;

    @Nullable LocalDate guidanceStart;

    @Nullable LocalDate guidanceClosedOn;

    @Nullable String handover;

    /** Social assistance from this day, decided with the housing of a permit holder. */
    @Nullable LocalDate assistanceFrom;

    /** A plan from this day; the trajectory and the local policy decide. */
    @Nullable LocalDate planFrom;

    boolean inTrajectory;

    boolean working;

    boolean studying;

    Life(SyntheticPerson person, Office office, Caseworker caseworker, LocalDate today) {
        this.person = person;
        this.office = office;
        this.caseworker = caseworker;
        this.today = today;
        this.age = person.dateOfBirth().until(today).getYears();
    }

    UUID id() {
        return person.id();
    }

    UUID municipality() {
        return office.municipality().id();
    }

    LocalDate registered() {
        return person.registrationDate();
    }

    long monthsSince(LocalDate day) {
        return ChronoUnit.MONTHS.between(day, today);
    }

    /** The day, or today when it lies in the future. */
    LocalDate notAfterToday(LocalDate day) {
        return day.isAfter(today) ? today : day;
    }

    boolean newcomer() {
        String category = person.category().name();
        return (category.equals("PERMIT_HOLDER") || category.equals("FAMILY_MIGRANT"))
                && registered().isAfter(today.minusYears(10));
    }

    boolean permitHolder() {
        return person.category().name().equals("PERMIT_HOLDER");
    }

    boolean established() {
        return person.category().name().equals("ESTABLISHED_MIGRANT");
    }

}
