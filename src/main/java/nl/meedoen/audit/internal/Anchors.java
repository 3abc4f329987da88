package nl.meedoen.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily anchor: the head of each municipality's chain written outside the chain's
 * tables — a line appended to a file per municipality in
 * {@code meedoen.audit.anchor-directory} (keep it on other storage than the database, or
 * have it collected) and the same line in the application log (which the log shipping of
 * the installation keeps elsewhere). Someone who rewrites the whole chain, even with the
 * key, cannot rewrite what left the database earlier: the verification compares the chain
 * with the last anchor.
 */
@Component
public class Anchors {

    private static final Logger log = LoggerFactory.getLogger(Anchors.class);

    /** The head of a chain at a moment. */
    public record Anchor(Instant at, long position, String hash) {

        String line(UUID municipalityId) {
            return at + " " + municipalityId + " " + position + " " + hash;
        }

        static Optional<Anchor> parse(String line) {
            String[] parts = line.strip().split(" ");
            if (parts.length != 4 || !parts[3].matches("[0-9a-f]{64}")) {
                return Optional.empty();
            }
            return Optional.of(new Anchor(Instant.parse(parts[0]), Long.parseLong(parts[2]), parts[3]));
        }
    }

    private final Path directory;

    private final JdbcClient jdbc;

    private final Chain chain;

    private final Clock clock;

    Anchors(@Value("${meedoen.audit.anchor-directory:./data/audit-anchors}") Path directory, JdbcClient jdbc,
            Chain chain, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.jdbc = jdbc;
        this.chain = chain;
        this.clock = clock;
    }

    /**
     * Links what is pending and exports the current municipality's head; answers the
     * anchor.
     */
    public Anchor anchor() {
        UUID municipalityId = Tenancy.require();
        chain.link();
        Anchor anchor = head(municipalityId);
        try {
            Files.createDirectories(directory);
            Files.writeString(file(municipalityId), anchor.line(municipalityId) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The audit anchor could not be written to " + directory, ex);
        }
        log.info("Audit anchor {}", anchor.line(municipalityId));
        return anchor;
    }

    @Transactional(readOnly = true)
    Anchor head(UUID municipalityId) {
        record Head(long position, String hash) {
        }
        Head head = jdbc.sql("select link_seq as position, hash from audit_head where municipality_id = :m")
            .param("m", municipalityId)
            .query(Head.class)
            .optional()
            .orElse(new Head(0, Chain.GENESIS));
        return new Anchor(clock.instant().truncatedTo(ChronoUnit.SECONDS), head.position(), head.hash());
    }

    /** The last anchor exported for the municipality, if any. */
    public Optional<Anchor> last(UUID municipalityId) {
        Path file = file(municipalityId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Optional<Anchor> anchor = Anchor.parse(lines.get(i));
                if (anchor.isPresent()) {
                    return anchor;
                }
            }
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The audit anchors could not be read from " + directory, ex);
        }
    }

    private Path file(UUID municipalityId) {
        return directory.resolve(municipalityId + ".anchors");
    }

}
