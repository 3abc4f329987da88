package nl.meedoen.plans.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The plan letter as the browser gets it, from the page and from the API alike. */
final class Letters {

    private Letters() {
    }

    /** The PDF shown in the browser, saved as {@code plan.pdf}. */
    static ResponseEntity<byte[]> inline(byte[] pdf) {
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline().filename("plan.pdf").build().toString())
            .body(pdf);
    }

}
