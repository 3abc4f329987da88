package nl.meedoen.trajectories;

/**
 * DUO's two kinds of exemption: vrijstelling (on grounds such as prior education) or
 * ontheffing (cannot).
 */
public enum ExemptionKind {

    VRIJSTELLING, ONTHEFFING

}
