package nl.meedoen.residents;

public enum HouseholdRole {

    HEAD, PARTNER, CHILD, OTHER

}
