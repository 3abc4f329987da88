package nl.meedoen.trajectories;

/**
 * Where a benefit sanction under the Participatiewet could also apply to the same conduct
 * (samenloop), which of the two the municipality chose: the fine, or the benefit sanction
 * by the income service instead.
 */
public enum FineSanctionChoice {

    FINE, BENEFIT_SANCTION

}
