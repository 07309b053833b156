package dev.studybuddy.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.studybuddy.testing.ArchitectureRules;
import dev.studybuddy.testing.DirectReads;

/** The boundaries of notification-saga's main classes (test-support's {@link ArchitectureRules}). */
@AnalyzeClasses(packages = "dev.studybuddy.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class NotificationSagaArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("dev.studybuddy.notification");

    @ArchTest
    static final ArchRule noOtherService = ArchitectureRules.noOtherService("dev.studybuddy.notification");

    @ArchTest
    static final ArchTests directReads = ArchTests.in(DirectReads.class);

    @ArchTest
    static final ArchRule loopsOnPeriodicTask = ArchitectureRules.loopsOnPeriodicTask();

    @ArchTest
    static final ArchRule eventHandlersUseNoJpa = ArchitectureRules.eventHandlersUseNoJpa();

    @ArchTest
    static final ArchRule usesNoIcu4j = ArchitectureRules.usesNoIcu4j();

    @ArchTest
    static final ArchRule controllersUseNoStoreOfAnotherPackage =
            ArchitectureRules.controllersUseNoStoreOfAnotherPackage("dev.studybuddy.notification");
}
