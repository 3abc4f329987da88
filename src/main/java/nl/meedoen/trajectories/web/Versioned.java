package nl.meedoen.trajectories.web;

import java.util.Optional;

import nl.meedoen.platform.web.IfMatch;

import org.springframework.http.ResponseEntity;

/**
 * An answer with the ETag of the version of the trajectory part it shows, when the part
 * exists: the value to send back in If-Match.
 */
final class Versioned {

    private Versioned() {
    }

    static <T> ResponseEntity<T> ok(Optional<Integer> version, T body) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        version.ifPresent(v -> answer.eTag(IfMatch.etag(v)));
        return answer.body(body);
    }

}
