package com.acme.orders.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule of the hexagon, for every class of the service. Maven module dependencies already make most
 * wrong imports impossible; these rules catch what a module dependency cannot (a framework creeping into the domain
 * through a transitive jar, one adapter reaching into another, a cycle inside a module) and say why each rule exists.
 */
@AnalyzeClasses(packages = "com.acme.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String GENERATED_JOOQ = "com.acme.orders.adapter.postgres.jooq..";

    @ArchTest
    static final ArchRule the_domain_depends_on_nothing_but_the_jdk_and_ddd_annotations = classes()
            .that()
            .resideInAPackage("com.acme.orders.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("com.acme.orders.domain..", "java..", "org.jmolecules..", "org.jspecify..")
            .because(
                    "the business rules must be readable, testable and portable without Spring, jOOQ, Jackson, Redis "
                            + "or Kafka: a framework type in the domain ties the rules of money and time to a library's life cycle");

    @ArchTest
    static final ArchRule the_application_depends_only_on_the_domain = classes()
            .that()
            .resideInAPackage("com.acme.orders.application..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "com.acme.orders.application..",
                    "com.acme.orders.domain..",
                    "java..",
                    "org.jmolecules..",
                    "org.jspecify..")
            .because("use cases speak to the outside world only through their ports, so an adapter can be replaced "
                    + "(PostgreSQL by another store, REST by a queue) without touching a use case");

    @ArchTest
    static final ArchRule adapters_never_use_one_another = slices().matching("com.acme.orders.adapter.(*)..")
            .should()
            .notDependOnEachOther()
            .because("an adapter translates between one technology and the application; one that calls another "
                    + "adapter hides a use case outside the application layer and couples two technologies");

    @ArchTest
    static final ArchRule only_bootstrap_knows_the_adapters = noClasses()
            .that()
            .resideInAnyPackage("com.acme.orders.domain..", "com.acme.orders.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.acme.orders.adapter..", "com.acme.orders.bootstrap..")
            .because(
                    "dependencies point inwards: the domain and the use cases must not know which technology serves them");

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = noClasses()
            .that()
            .resideOutsideOfPackage("com.acme.orders.bootstrap..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.acme.orders.bootstrap..")
            .because("bootstrap wires everything together; a class that reaches back into the wiring cannot be "
                    + "used or tested without starting the whole service");

    @ArchTest
    static final ArchRule there_are_no_package_cycles = slices().matching("com.acme.orders.(**)")
            .should()
            .beFreeOfCycles()
            // jOOQ's generated schema, tables and records refer to one another by design; it is generated, not written
            .ignoreDependency(resideInAPackage(GENERATED_JOOQ), resideInAPackage(GENERATED_JOOQ))
            .because("a cycle between packages makes them one package in disguise: neither can be understood, "
                    + "tested or moved without the other");
}
