package com.acme.orders.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Modules are the layers, packages are the features: ordering, payment, deadline and outbox in every module, beside
 * what every feature shares (the change path of an order, SQL building blocks, the scheduling loop, problem details,
 * security, protection). These rules keep the features apart, so that a feature can be read, changed and tested on
 * its own.
 */
@AnalyzeClasses(packages = "com.acme.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class FeaturesTest {

    /** What every feature of a module may use: the shared packages, named the same in every module. */
    private static final String[] SHARED = {
        "com.acme.orders.application.change..",
        "com.acme.orders.adapter.postgres.change..",
        "com.acme.orders.adapter.postgres.sql..",
        "com.acme.orders.adapter.postgres.jooq..",
        "com.acme.orders.adapter.scheduling.loop..",
        "com.acme.orders.adapter.rest.problem..",
        "com.acme.orders.adapter.rest.security..",
        "com.acme.orders.adapter.rest.protection..",
        "com.acme.orders.adapter.rest.openapi..",
    };

    @ArchTest
    static final ArchRule features_of_the_application_meet_only_through_the_change_path = slices().matching(
                    "com.acme.orders.application.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage(SHARED))
            .because("a use case of one feature that calls into another hides a second entry into that feature; "
                    + "what they share (locking, storing and publishing a change, passive close) lives in one place");

    @ArchTest
    static final ArchRule features_of_an_adapter_meet_only_through_its_shared_packages = slices().matching(
                    "com.acme.orders.adapter.*.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage(SHARED))
            .because("the SQL, the JSON or the loop of one feature is that feature's detail: another feature that "
                    + "reaches into it cannot change without breaking it");

    @ArchTest
    static final ArchRule use_cases_do_not_call_use_cases = noClasses()
            .that()
            .areAnnotatedWith(PrimaryPort.class)
            .should(dependOnAnotherUseCase())
            .because("a use case is one transaction with one set of rules; one that calls another nests "
                    + "transactions and spreads a rule over two places (passive close was in four)");

    private static ArchCondition<JavaClass> dependOnAnotherUseCase() {
        return new ArchCondition<>("depend on another use case") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = topLevel(dependency.getTargetClass());
                    if (target.isAnnotatedWith(PrimaryPort.class) && !target.equals(topLevel(item))) {
                        events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static JavaClass topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
