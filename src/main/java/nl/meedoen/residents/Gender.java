package nl.meedoen.residents;

public enum Gender {

    FEMALE, MALE, OTHER

}
