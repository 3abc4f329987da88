package nl.meedoen.network;

/** The kinds of contact in a person's own network. */
public enum ContactKind {

    FAMILY, FRIEND, BUDDY, SIMILAR_BACKGROUND, CLUB

}
