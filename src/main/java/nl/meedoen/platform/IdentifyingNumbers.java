package nl.meedoen.platform;

/**
 * What a BSN or V-number looks like in a search box: 8 to 10 digits, spaces and dots
 * ignored. Such a query identifies one person, so it never travels in an address (access
 * logs and browser history keep addresses): searches by number are posted.
 */
public final class IdentifyingNumbers {

    private IdentifyingNumbers() {
    }

    public static boolean looksLikeOne(String query) {
        return query.replace(" ", "").replace(".", "").matches("\\d{8,10}");
    }

}
