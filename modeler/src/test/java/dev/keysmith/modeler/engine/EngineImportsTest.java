package dev.keysmith.modeler.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** {@code modeler.engine} is the only modeler package that imports the engine. */
class EngineImportsTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.keysmith.modeler");

    @Test
    void only_the_materialization_package_imports_the_engine() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.keysmith.modeler.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.keysmith.engine..")
                .check(CLASSES);
    }
}
