package nl.meedoen.portal.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The activation letter as the browser gets it: never stored by a cache, since it holds
 * the code in clear.
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

}
