package nl.meedoen.law;

/** The act (law or decree) a rule comes from, with its citation title. */
public enum Act {

    WI2021("Wet inburgering 2021"), BI2021("Besluit inburgering 2021"), PARTICIPATIEWET("Participatiewet"),
    WI2013("Wet inburgering (2013)"), AWB("Algemene wet bestuursrecht");

    private final String title;

    Act(String title) {
        this.title = title;
    }

    /** The citation title, e.g. "Wet inburgering 2021". */
    public String title() {
        return title;
    }

}
