package nl.meedoen.portal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of Mijn Meedoen as a resident finds them: from the overview, every link to an
 * address under {@code /mijn} on every page reached, so a page another feature adds and
 * links (from the navigation, a card) is covered without naming it. The language choice
 * ({@code /mijn/taal}, a redirect that sets the language) is a switch, and a letter to
 * download ({@code /mijn/plan/brief.pdf}) a file, not a page.
 */
final class PortalLinks {

    /**
     * Enough for every page of the portal; a runaway (links made per item) stops here.
     */
    static final int MAXIMUM_PAGES = 60;

    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\bhref=\"(/mijn(?:/[^\"#]*)?)(?:#[^\"]*)?\"");

    /** A file to download (the plan letter), not a page. */
    private static final Pattern DOWNLOAD = Pattern.compile(".*\\.(pdf|json|csv|xlsx)(\\?.*)?");

    private PortalLinks() {
    }

    /**
     * The addresses reached from {@code /mijn}, in the order found; {@code html} gives a
     * page's HTML for an address.
     */
    static List<String> discover(Function<String, String> html) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of("/mijn"));
        while (!next.isEmpty() && found.size() < MAXIMUM_PAGES) {
            String address = next.removeFirst();
            if (!found.add(address)) {
                continue;
            }
            for (String link : links(html.apply(address))) {
                if (!found.contains(link)) {
                    next.addLast(link);
                }
            }
        }
        return new ArrayList<>(found);
    }

    static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher matcher = HREF.matcher(html);
        while (matcher.find()) {
            String link = matcher.group(1).replace("&amp;", "&");
            if (!link.startsWith("/mijn/taal") && !DOWNLOAD.matcher(link).matches() && !links.contains(link)) {
                links.add(link);
            }
        }
        return links;
    }

}
