package dev.keysmith.modeler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of the model, template, io and validate packages. */
class PackageDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.keysmith.modeler");

    @Test
    void the_classes_are_imported() {
        assertTrue(CLASSES.contain("dev.keysmith.modeler.model.Project"));
        assertTrue(CLASSES.contain("dev.keysmith.modeler.validate.ModelValidator"));
    }

    @Test
    void templates_depend_on_no_other_modeler_package() {
        noClasses()
                .that()
                .resideInAPackage("..modeler.template..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..modeler.model..", "..modeler.io..", "..modeler.validate..", "..modeler.store..")
                .check(CLASSES);
    }

    @Test
    void the_model_depends_only_on_templates() {
        noClasses()
                .that()
                .resideInAPackage("..modeler.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..modeler.io..",
                        "..modeler.validate..",
                        "..modeler.store..",
                        "..modeler.estimate..",
                        "java.sql..")
                .check(CLASSES);
    }

    @Test
    void import_export_and_checks_are_independent() {
        noClasses()
                .that()
                .resideInAPackage("..modeler.io..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..modeler.validate..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..modeler.validate..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..modeler.io..")
                .check(CLASSES);
    }
}
