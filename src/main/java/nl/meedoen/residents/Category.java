package nl.meedoen.residents;

/** Why a person is in Meedoen. */
public enum Category {

    /** Statushouder / vergunninghouder, housed by the municipality. */
    PERMIT_HOLDER,
    /** Gezinsmigrant. */
    FAMILY_MIGRANT,
    /** Oudkomer: has lived in the Netherlands for years. */
    ESTABLISHED_MIGRANT, OTHER

}
