package nl.meedoen.residents;

import java.util.List;
import java.util.UUID;

/**
 * What other modules show at the top of a person's file, such as the open signals of
 * early signalling. An implementation lives in the contributing module's web layer and
 * logs the read of what it shows, since showing it is a read of person data.
 */
public interface FileNotices {

    /** One line at the top of the file: a text in the user's language and a link. */
    record Notice(String text, String href, String level) {
    }

    /** The notices for a person of the current municipality, most urgent first. */
    List<Notice> forPerson(UUID personId);

}
