package dev.studybuddy.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.studybuddy.command.file.FileCatalog;
import dev.studybuddy.testing.ArchitectureRules;
import dev.studybuddy.testing.DirectReads;

/** The boundaries of command-side's main classes (test-support's {@link ArchitectureRules}). */
@AnalyzeClasses(packages = "dev.studybuddy.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("dev.studybuddy.command");

    @ArchTest
    static final ArchRule noOtherService = ArchitectureRules.noOtherService("dev.studybuddy.command");

    @ArchTest
    static final ArchTests directReads = ArchTests.in(DirectReads.class);

    @ArchTest
    static final ArchRule loopsOnPeriodicTask = ArchitectureRules.loopsOnPeriodicTask();

    @ArchTest
    static final ArchRule eventHandlersUseNoJpa = ArchitectureRules.eventHandlersUseNoJpa();

    /** FileCatalog answers other packages' controllers whether a user's attachments are their own files. */
    @ArchTest
    static final ArchRule controllersUseNoStoreOfAnotherPackage =
            ArchitectureRules.controllersUseNoStoreOfAnotherPackage("dev.studybuddy.command", FileCatalog.class);
}
