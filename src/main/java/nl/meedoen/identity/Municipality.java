package nl.meedoen.identity;

import java.io.Serializable;
import java.util.UUID;

/**
 * A municipality (gemeente), identified by its CBS code, e.g. {@code 0610} for
 * Sliedrecht.
 */
public record Municipality(UUID id, String code, String name) implements Serializable {
}
