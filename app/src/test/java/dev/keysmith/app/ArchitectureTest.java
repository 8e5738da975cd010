package dev.keysmith.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ARCHITECTURE.md, checked on the production classes of all three modules (the app's test
 * class path holds the engine's and the modeler's classes too).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.keysmith");
    }

    private static boolean imported(String packagePrefix) {
        return classes.stream().anyMatch(javaClass -> javaClass.getPackageName().startsWith(packagePrefix));
    }

    @Test
    void theRulesSeeTheClassesOfAllThreeModules_butNoTestClasses() {
        assertTrue(imported("dev.keysmith.engine"), "no engine classes imported");
        assertTrue(imported("dev.keysmith.modeler"), "no modeler classes imported");
        assertTrue(imported("dev.keysmith.app"), "no app classes imported");
        assertTrue(classes.stream()
                .noneMatch(javaClass -> javaClass.getSimpleName().endsWith("Test")));
    }

    @Test
    void engine_dependsOnNeitherJavaFxNorJdbcNorTheModelerNorTheApp() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("dev.keysmith.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "java.sql..", "dev.keysmith.modeler..", "dev.keysmith.app..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void modeler_dependsOnNeitherJavaFxNorTheApp() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("dev.keysmith.modeler..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "dev.keysmith.app..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void onlyEngineStorage_usesXodus() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("dev.keysmith.engine.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jetbrains.exodus..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void viewModels_neverDependOnJavaFxScene() {
        ArchRule rule = noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx.scene..")
                .allowEmptyShould(true);
        rule.check(classes);
    }
}
