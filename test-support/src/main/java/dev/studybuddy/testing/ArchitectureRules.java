package dev.studybuddy.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries every service keeps, for each service's {@code ArchitectureTest} to check on its main classes
 * (README, "Testing notes"). A service's packages are its features ({@code …query.chat}, {@code …command.group})
 * and its plumbing ({@code …config}, {@code …web}); both are "packages" below.
 */
public final class ArchitectureRules {

    /** The root package of each service; services share events through shared-api, never code. */
    public static final List<String> SERVICES =
            List.of("dev.studybuddy.command", "dev.studybuddy.query", "dev.studybuddy.notification");

    /** What a class holds when it reads or writes a store itself. */
    private static final List<Class<?>> STORE_CLIENTS = List.of(
            JdbcOperations.class,
            NamedParameterJdbcOperations.class,
            JdbcClient.class,
            MongoOperations.class,
            MongoClient.class,
            MongoDatabase.class,
            MongoCollection.class);

    private ArchitectureRules() {}

    /** No package of the service depends, directly or around a circle, on a package that depends on it. */
    public static ArchRule noPackageCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .because("a package that needs another package which needs it back cannot be read, changed or "
                        + "moved on its own");
    }

    /** The service uses no class of another service, nor the other services any class of {@code ownPackage}. */
    public static ArchRule noOtherService(String ownPackage) {
        String[] others = SERVICES.stream()
                .filter(service -> !service.equals(ownPackage))
                .map(service -> service + "..")
                .toArray(String[]::new);
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services share events through shared-api, never code: each is built, "
                        + "deployed and scaled on its own");
    }

    /**
     * Nothing sends or answers an Axon query. A controller reads a read model through its package's read class (or
     * what another package publishes for it), called directly: docs/architecture.md, "Reading the read models".
     */
    public static ArchRule noQueryBus() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.axonframework.queryhandling..")
                .because("without Axon Server the query bus is a call within the JVM by a message type's name: one "
                        + "more file to follow and no check that a handler exists, so reads are plain method calls");
    }

    /**
     * Background loops run on platform's {@code scheduling.PeriodicTask}, one named thread each: not on Spring's
     * {@code @Scheduled}, whose runs share one pool and are found only by searching for the annotation.
     */
    public static ArchRule loopsOnPeriodicTask() {
        return noMethods()
                .should()
                .beAnnotatedWith("org.springframework.scheduling.annotation.Scheduled")
                .because("every background loop is a PeriodicTask (docs/architecture.md, \"Services and modules\")");
    }

    /**
     * Event handlers (projections, notifiers, sagas) write and read with JDBC or MongoDB, never through JPA: a failing
     * Spring Data repository or entity manager marks the processor's whole transaction rollback-only, which the
     * handler's savepoint does not undo, so the batch would fail at its commit on every retry instead of parking the
     * event (README, "No event stalls a processor"). Direct dependencies only: a class the handler calls is not
     * followed (command-side's subscribing {@code security-stamps} handler revokes refresh tokens through JPA, in the
     * command's own transaction, where a failure fails the command).
     */
    public static ArchRule eventHandlersUseNoJpa() {
        return noClasses()
                .that(DescribedPredicate.describe(
                        "declare event handlers",
                        (JavaClass type) -> type.getMethods().stream()
                                .anyMatch(method ->
                                        method.isMetaAnnotatedWith("org.axonframework.eventhandling.EventHandler"))))
                .should()
                .dependOnClassesThat()
                .areAssignableTo("org.springframework.data.jpa.repository.JpaRepository")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo("jakarta.persistence.EntityManager")
                .because("a JPA failure cannot be undone by the handler's savepoint (README, \"No event stalls a"
                        + " processor\")");
    }

    /**
     * Only command-side ships ICU4J (shared-api's optional dependency): a service that reads events alone uses neither
     * ICU4J, nor shared-api's {@code ReactionRules}, nor a class that calls it (the reaction commands), which would
     * fail there with a missing class at run time though its tests, which have ICU4J through test-support, pass.
     */
    public static ArchRule usesNoIcu4j() {
        Set<String> usingIcu4j = sharedApiClassesUsingIcu4j();
        return noClasses()
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "use ICU4J", (JavaClass type) -> usesIcu4jItself(type) || usingIcu4j.contains(type.getName())))
                .because("ICU4J ships with command-side only (shared-api's pom)");
    }

    /**
     * Imported here: a service's own import resolves the classes it uses, not what those use in turn. Transitively
     * within shared-api: a class that builds a reaction command uses ICU4J as surely as the command.
     */
    private static Set<String> sharedApiClassesUsingIcu4j() {
        JavaClasses sharedApi = new ClassFileImporter().importPackages("dev.studybuddy.api");
        Set<String> using = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JavaClass type : sharedApi) {
                if (!using.contains(type.getName())
                        && (usesIcu4jItself(type)
                                || type.getDirectDependenciesFromSelf().stream()
                                        .map(Dependency::getTargetClass)
                                        .anyMatch(target ->
                                                usesIcu4jItself(target) || using.contains(target.getName())))) {
                    grew = using.add(type.getName());
                }
            }
        }
        return using;
    }

    private static boolean usesIcu4jItself(JavaClass type) {
        return type.getPackageName().startsWith("com.ibm.icu")
                || type.getName().equals("dev.studybuddy.api.chat.ReactionRules");
    }

    /**
     * A controller holds no store client (JDBC template or client, Mongo template, client, database or
     * collection): its SQL and Mongo queries live in its package's read class.
     */
    public static ArchRule controllersHoldNoStoreClient() {
        return noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Controller.class)
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are store clients",
                        (JavaClass type) -> STORE_CLIENTS.stream().anyMatch(type::isAssignableTo)))
                .because("a controller decides who may see what; what the tables hold and how they are read is its "
                        + "package's read class's, the one place to look for a read model's queries");
    }

    /**
     * A controller reads and writes its own package's stores only. A store (a "repository") is a Spring Data
     * repository, a class annotated {@code @Repository} or named {@code …Repository}, or a class holding a store
     * client itself: a JDBC template or client, a Mongo template, client, database or collection. Another
     * package is asked through what it publishes for it, such as the query side's {@code GroupAccess}: list
     * those, which hold a store but are a package's answer to a question and not its tables, in
     * {@code published}.
     */
    public static ArchRule controllersUseNoStoreOfAnotherPackage(String servicePackage, Class<?>... published) {
        Set<String> answers =
                Set.copyOf(Arrays.stream(published).map(Class::getName).toList());
        return classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Controller.class)
                .should(new ArchCondition<JavaClass>("use no store of another package") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        String own = packageOf(servicePackage, controller);
                        for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            String other = packageOf(servicePackage, target);
                            if (other != null
                                    && !other.equals(own)
                                    && !answers.contains(target.getName())
                                    && isStore(target)) {
                                events.add(SimpleConditionEvent.violated(
                                        dependency,
                                        dependency.getDescription() + ": " + target.getSimpleName()
                                                + " is a store of package " + other));
                            }
                        }
                    }
                })
                .because("a package's tables are its own: another package's controller asks it through what it "
                        + "publishes, so that the tables can change without breaking it");
    }

    /** The first package below the service's root package that holds the class, or null outside it. */
    private static String packageOf(String servicePackage, JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(servicePackage + ".")) {
            return null;
        }
        String below = name.substring(servicePackage.length() + 1);
        int dot = below.indexOf('.');
        return dot < 0 ? below : below.substring(0, dot);
    }

    private static boolean isStore(JavaClass javaClass) {
        return javaClass.isAssignableTo(org.springframework.data.repository.Repository.class)
                || javaClass.isAnnotatedWith(Repository.class)
                || javaClass.getSimpleName().endsWith("Repository")
                || javaClass.getFields().stream()
                        .map(JavaField::getRawType)
                        .anyMatch(type -> STORE_CLIENTS.stream().anyMatch(type::isAssignableTo));
    }
}
