package nl.meedoen.trajectories;

/** The law under which a person's civic-integration duty runs. */
public enum IntegrationRegime {

    /** Wet inburgering 2021: the municipality sets the personal plan (PIP). */
    WI2021,
    /** Wet inburgering 2013: obliged before 2022; recorded, without a PIP. */
    WI2013

}
