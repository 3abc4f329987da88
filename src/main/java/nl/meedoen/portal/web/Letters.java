package nl.meedoen.portal.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The letters of Mijn Meedoen as the browser gets them: never stored by a cache, since
 * the activation letter holds the code in clear and the plan letter the resident's plan.
 */
final class Letters {

    private Letters() {
    }

    static ResponseEntity<byte[]> created(byte[] pdf) {
        return ResponseEntity.status(HttpStatus.CREATED)
            .contentType(MediaType.APPLICATION_PDF)
            .cacheControl(CacheControl.noStore())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline().filename("activeringsbrief.pdf").build().toString())
            .body(pdf);
    }

    /** The plan letter, shown in the browser and saved as {@code plan.pdf}. */
    static ResponseEntity<byte[]> plan(byte[] pdf) {
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .cacheControl(CacheControl.noStore())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline().filename("plan.pdf").build().toString())
            .body(pdf);
    }

}
