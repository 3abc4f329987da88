package nl.meedoen.exchange.internal;

import java.time.LocalDate;
import java.util.List;

import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.HouseholdRole;
import nl.meedoen.residents.ResidentIntake.Registration;
import org.jspecify.annotations.Nullable;

/**
 * One row of a COA match list as read, with what is wrong with it on its own (the column
 * in Dutch and a message key). The line counts the header as line 1.
 */
public record CoaRow(int line, @Nullable String vNumber, @Nullable String bsn, @Nullable String givenNames,
        @Nullable String familyName, @Nullable LocalDate dateOfBirth, @Nullable Gender gender,
        @Nullable String nationality, List<String> languages, @Nullable String householdKey,
        @Nullable HouseholdRole relation, @Nullable LocalDate matchDate, boolean lateJoiner, @Nullable String remark,
        List<FieldError> errors) {

    public Registration registration() {
        return new Registration(givenNames, familyName, dateOfBirth, gender, bsn, vNumber, nationality, languages);
    }

    public String name() {
        return (givenNames == null ? "" : givenNames + " ") + (familyName == null ? "" : familyName);
    }

    @Override
    public String toString() {
        return "CoaRow[" + line + "]";
    }

}
