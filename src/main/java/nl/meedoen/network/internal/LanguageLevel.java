package nl.meedoen.network.internal;

/** How well a volunteer speaks a language. */
public enum LanguageLevel {

    NATIVE(1.0), FLUENT(1.0), BASIC(0.5);

    private final double share;

    LanguageLevel(double share) {
        this.share = share;
    }

    /** The share of the language points a shared language at this level earns. */
    public double share() {
        return share;
    }

}
