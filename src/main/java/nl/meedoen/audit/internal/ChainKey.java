package nl.meedoen.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key of the processing log's chain (HMAC-SHA256). It lives outside the database
 * ({@code MEEDOEN_AUDIT_KEY}), so whoever can write the log's tables still cannot
 * recompute a valid chain. The demo setup has a known default; any other setup refuses to
 * start with it or with a key shorter than 32 characters.
 */
@Component
public class ChainKey {

    static final String DEMO_KEY = "meedoen-demo-audit-key-not-for-production-use";

    static final int MINIMUM_LENGTH = 32;

    private final SecretKeySpec key;

    ChainKey(@Value("${meedoen.audit.key:" + DEMO_KEY + "}") String key, @Value("${meedoen.demo:false}") boolean demo) {
        if (!demo && (key.equals(DEMO_KEY) || key.length() < MINIMUM_LENGTH)) {
            throw new IllegalStateException("Meedoen does not start outside the demo setup (meedoen.demo=false) "
                    + "without its own key for the processing log: set MEEDOEN_AUDIT_KEY to a secret of at least "
                    + MINIMUM_LENGTH + " characters, kept outside the database.");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The HMAC-SHA256 of the text, as 64 hexadecimal digits. */
    String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
        }
    }

}
