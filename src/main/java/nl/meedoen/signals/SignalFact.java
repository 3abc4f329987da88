package nl.meedoen.signals;

/**
 * A set of facts a module contributes for rules that combine modules (no contact, the
 * risk of isolation, a child without early-childhood education, a referral without
 * follow-up): a {@code select} over the module's own tables for the current municipality
 * ({@code :municipality}, {@code :today}, {@code :person} as in {@link SignalRule}) with
 * exactly the columns its {@link Kind} names. The contributions of one kind are combined
 * with {@code union all}.
 */
public interface SignalFact {

    /** What the facts are, and the columns each contribution yields. */
    enum Kind {

        /** The person's caseworker: {@code person_id uuid, user_id uuid}. */
        CASEWORKER("facts_caseworker"),
        /**
         * An active trajectory or plan, since a day: {@code person_id uuid, since date}.
         */
        ACTIVE_CASE("facts_active_case"),
        /**
         * A recorded contact with the person (review, appointment, meeting, note):
         * {@code person_id uuid, on_date date}.
         */
        CONTACT("facts_contact"),
        /**
         * Taking part (work, education, volunteering, a club, a buddy match) until a day,
         * today when it goes on: {@code person_id uuid, kind text, until date}.
         */
        PARTICIPATION("facts_participation"),
        /**
         * A contact in the person's own network until a day, today when it goes on:
         * {@code person_id uuid, until date}.
         */
        NETWORK_CONTACT("facts_network_contact"),
        /**
         * A child that takes part in early-childhood education: {@code person_id uuid}.
         */
        VVE("facts_vve"),
        /**
         * A new step for the person (a referral, a goal in the plan), made on a day:
         * {@code person_id uuid, on_date date}.
         */
        FOLLOW_UP("facts_follow_up");

        private final String table;

        Kind(String table) {
            this.table = table;
        }

        /** The name a rule's query reads these facts by. */
        public String table() {
            return table;
        }

    }

    Kind kind();

    String query();

    /** Facts as a value, for a module that declares them as beans. */
    static SignalFact of(Kind kind, String query) {
        return new Declared(kind, query);
    }

    /** Facts declared with {@link #of}. */
    record Declared(Kind kind, String query) implements SignalFact {
    }

}
