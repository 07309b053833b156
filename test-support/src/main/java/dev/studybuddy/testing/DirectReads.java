package dev.studybuddy.testing;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Reads are plain calls to the package's read class (docs/adr/0020): the rules of {@link ArchitectureRules} that
 * hold alike in every service, which each service's {@code ArchitectureTest} includes with
 * {@code ArchTests.in(DirectReads.class)}.
 */
public final class DirectReads {

    @ArchTest
    public static final ArchRule noQueryBus = ArchitectureRules.noQueryBus();

    @ArchTest
    public static final ArchRule controllersHoldNoStoreClient = ArchitectureRules.controllersHoldNoStoreClient();

    private DirectReads() {}
}
