package nl.meedoen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries hold, and the module diagram in docs/ matches the code. */
class ModularityTests {

    private static final Path GENERATED = Path.of("target", "spring-modulith-docs");

    private static final Path DOCUMENTED = Path.of("docs", "modules");

    private final ApplicationModules modules = ApplicationModules.of(MeedoenApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    /**
     * Writes the diagrams to target/ and checks that the copy in docs/modules has the
     * same content (the generator's line order varies between runs, so lines are compared
     * as a set). When a module or dependency changes, copy
     * target/spring-modulith-docs/*.puml to docs/modules.
     */
    @Test
    void theDocumentedModuleDiagramMatchesTheCode() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
            .writeModulesAsPlantUml()
            .writeIndividualModulesAsPlantUml();

        try (var files = Files.list(GENERATED)) {
            for (Path generated : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Path documented = DOCUMENTED.resolve(generated.getFileName());
                assertThat(documented).as("docs/modules is out of date: copy %s there", generated).exists();
                assertThat(sortedLines(documented)).as("docs/modules is out of date: copy %s there", generated)
                    .isEqualTo(sortedLines(generated));
            }
        }
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
    }

}
