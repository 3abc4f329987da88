package nl.meedoen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.VersionRequiredException;
import nl.meedoen.platform.web.IfMatch;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions of docs/conventions.md, checked on the compiled code so that a new
 * module cannot quietly write them again.
 */
class CodeRulesTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("nl.meedoen");

    @Test
    void todayComesFromTheInjectedClock() {
        ArchRule rule = noClasses().that()
            .doNotHaveFullyQualifiedName("nl.meedoen.platform.Time")
            .should()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(Year.class, "now")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .orShould()
            .callMethod(Clock.class, "systemUTC")
            .because("every date rule must be testable at any date and the same on every server");
        rule.check(MAIN);
    }

    @Test
    void readsOfPersonDataAreLoggedByTheHandlerThatShowsThem() {
        noClasses().that()
            .resideOutsideOfPackages("..web..", "nl.meedoen.audit..")
            .should()
            .callMethodWhere(DescribedPredicate.describe("AuditLog.read",
                    call -> call.getTarget().getOwner().isAssignableTo(AuditLog.class)
                            && call.getTarget().getName().equals("read")))
            .because("services record changes; the page or API handler logs what it shows, once")
            .check(MAIN);
    }

    @Test
    void versionsAreReadFromIfMatchInOnePlace() {
        noClasses().that()
            .resideInAnyPackage("..web..")
            .and()
            .resideOutsideOfPackage("nl.meedoen.platform.web..")
            .should()
            .callConstructor(VersionRequiredException.class)
            .orShould()
            .callConstructor(StaleVersionException.class)
            .because("IfMatch parses the header and answers 428/412 the same way everywhere")
            .check(MAIN);
        assertThat(IfMatch.HEADER).isEqualTo("If-Match");
    }

    @Test
    void csvFilesAreWrittenOnlyThroughTheWriterThatNeutralisesFormulas() {
        noClasses().that()
            .resideOutsideOfPackage("nl.meedoen.platform.csv..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.apache.commons.csv.CSVPrinter")
            .because("a cell starting with = + - @ must never reach a spreadsheet as a formula (SafeCsv)")
            .check(MAIN);
    }

    @Test
    void controllersDoNotCallEachOther() {
        DescribedPredicate<JavaClass> controller = DescribedPredicate.describe("controllers",
                c -> !c.isAnnotation() && c.isMetaAnnotatedWith(Controller.class));
        noClasses().that(controller)
            .should()
            .dependOnClassesThat(controller)
            .because("shared parsing and formatting live in the module's own small types")
            .check(MAIN);
    }

    /**
     * A class longer than this is split by responsibility (model, repository, read model,
     * page per tab).
     */
    @Test
    void noMainClassGrowsPastFiveHundredLines() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            List<String> tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readAllLines(f).size() > 500;
                }
                catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }).map(Path::toString).toList();
            assertThat(tooLong).isEmpty();
        }
    }

}
