package dev.studybuddy.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.studybuddy.query.group.GroupAccess;
import dev.studybuddy.query.user.PrivacySettings;
import dev.studybuddy.query.user.UserProfiles;
import dev.studybuddy.testing.ArchitectureRules;
import dev.studybuddy.testing.DirectReads;

/** The boundaries of query-side's main classes (test-support's {@link ArchitectureRules}). */
@AnalyzeClasses(packages = "dev.studybuddy.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("dev.studybuddy.query");

    @ArchTest
    static final ArchRule noOtherService = ArchitectureRules.noOtherService("dev.studybuddy.query");

    @ArchTest
    static final ArchTests directReads = ArchTests.in(DirectReads.class);

    @ArchTest
    static final ArchRule loopsOnPeriodicTask = ArchitectureRules.loopsOnPeriodicTask();

    @ArchTest
    static final ArchRule eventHandlersUseNoJpa = ArchitectureRules.eventHandlersUseNoJpa();

    @ArchTest
    static final ArchRule usesNoIcu4j = ArchitectureRules.usesNoIcu4j();

    /**
     * GroupAccess answers other packages' controllers who may see a group; PrivacySettings what a user shares
     * (presence, read receipts) with the chat and presence controllers; UserProfiles a user's profile to the
     * account export.
     */
    @ArchTest
    static final ArchRule controllersUseNoStoreOfAnotherPackage =
            ArchitectureRules.controllersUseNoStoreOfAnotherPackage(
                    "dev.studybuddy.query", GroupAccess.class, PrivacySettings.class, UserProfiles.class);
}
