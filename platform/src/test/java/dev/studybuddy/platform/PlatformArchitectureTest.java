package dev.studybuddy.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries of platform's main classes. The services' rules live in test-support's ArchitectureRules,
 * which platform cannot use (test-support depends on platform); these two are the same rules for platform.
 */
@AnalyzeClasses(packages = "dev.studybuddy.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.studybuddy.platform.(*)..")
            .namingSlices("$1")
            .should()
            .beFreeOfCycles()
            .because("a package that needs another package which needs it back cannot be read, changed or moved "
                    + "on its own");

    @ArchTest
    static final ArchRule noService = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.studybuddy.command..", "dev.studybuddy.query..", "dev.studybuddy.notification..")
            .because("every service builds on platform, so platform knows none of them");
}
