package nl.meedoen.datagen;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the generator makes, from {@code meedoen.datagen.*}.
 *
 * @param persons how many persons to add, spread over all municipalities
 * @param municipalities how many municipalities there are to be in the end; existing ones
 * count
 * @param force add persons even though the database already holds more than
 * {@code refuseAbove}
 * @param refuseAbove the number of persons above which the generator assumes it has
 * already run
 * @param exit stop the application when done, with exit code 0 on success
 * @param seed the seed of all random choices; the same seed on the same starting database
 * gives the same dataset
 */
@ConfigurationProperties("meedoen.datagen")
record DatagenSettings(int persons, @DefaultValue("342") int municipalities, @DefaultValue("false") boolean force,
        @DefaultValue("10000") long refuseAbove, @DefaultValue("true") boolean exit,
        @DefaultValue("20250610") long seed) {
}
