package com.acme.orders.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/**
 * One naming convention for ports and adapters, so that a newcomer finds the file from the behaviour:
 * a use case is a {@code @PrimaryPort} class in {@code application.<feature>}; what it needs is a
 * {@code @SecondaryPort} interface in {@code application.<feature>.port}; the class that provides it is a
 * {@code @SecondaryAdapter} in {@code adapter.<technology>.<feature>} named {@code <Technology><Port>}
 * (PostgresOrderRepository implements OrderRepository).
 */
@AnalyzeClasses(packages = "com.acme.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class PortsAndAdaptersTest {

    private static final DescribedPredicate<JavaClass> A_SECONDARY_PORT =
            DescribedPredicate.describe("a secondary port", it -> it.isAnnotatedWith(SecondaryPort.class));

    @ArchTest
    static final ArchRule secondary_ports_are_interfaces_in_the_port_package = classes()
            .that()
            .areAnnotatedWith(SecondaryPort.class)
            .should()
            .beInterfaces()
            .andShould()
            .resideInAPackage("com.acme.orders.application.*.port")
            .because("a use case names what it needs in one place, as an interface an adapter can implement");

    @ArchTest
    static final ArchRule the_port_package_holds_only_ports_and_their_vocabulary = classes()
            .that()
            .resideInAPackage("com.acme.orders.application.*.port")
            .and()
            .areInterfaces()
            .and()
            .doNotHaveSimpleName("package-info")
            .and()
            .areTopLevelClasses()
            .should()
            .beAnnotatedWith(SecondaryPort.class)
            .because("an interface in the port package that is not marked as a port is a seam nobody can find");

    @ArchTest
    static final ArchRule use_cases_are_primary_ports_in_the_application = classes()
            .that()
            .areAnnotatedWith(PrimaryPort.class)
            .should()
            .resideInAPackage("com.acme.orders.application.*")
            .because("the use cases are the application's offer to the outside world, each in the package of its "
                    + "feature, where a newcomer who knows the feature looks first");

    @ArchTest
    static final ArchRule secondary_adapters_live_in_an_adapter_module_and_implement_a_port = classes()
            .that()
            .areAnnotatedWith(SecondaryAdapter.class)
            .should()
            .resideInAPackage("com.acme.orders.adapter..")
            .andShould(implementASecondaryPort())
            .because("an adapter exists to serve a port; one that serves none is a second application layer");

    @ArchTest
    static final ArchRule port_implementations_in_adapters_are_named_technology_then_port = classes()
            .that()
            .resideInAPackage("com.acme.orders.adapter..")
            .and()
            .implement(A_SECONDARY_PORT)
            .should(beNamedAfterTheirTechnologyAndPort())
            .andShould()
            .beAnnotatedWith(SecondaryAdapter.class)
            .because("PostgresOrderRepository tells where to look for the SQL behind OrderRepository");

    @ArchTest
    static final ArchRule primary_adapters_live_in_an_adapter_module = classes()
            .that()
            .areAnnotatedWith(PrimaryAdapter.class)
            .should()
            .resideInAPackage("com.acme.orders.adapter..")
            .because("every way into the service (HTTP today, messages tomorrow) is an adapter of its own");

    @ArchTest
    static final ArchRule primary_adapters_call_use_cases_not_secondary_ports = noClasses()
            .that()
            .areAnnotatedWith(PrimaryAdapter.class)
            .should()
            .dependOnClassesThat(A_SECONDARY_PORT)
            .because("a controller that talks to the repository directly skips the use case, its transaction "
                    + "and its rules");

    private static ArchCondition<JavaClass> implementASecondaryPort() {
        return new ArchCondition<>("implement a secondary port") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean implementsPort = item.getAllRawInterfaces().stream().anyMatch(A_SECONDARY_PORT);
                events.add(new SimpleConditionEvent(
                        item,
                        implementsPort,
                        item.getName() + (implementsPort ? " implements" : " does not implement")
                                + " a secondary port"));
            }
        };
    }

    private static ArchCondition<JavaClass> beNamedAfterTheirTechnologyAndPort() {
        return new ArchCondition<>("be named <Technology><Port>") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String afterAdapter = item.getPackageName().substring("com.acme.orders.adapter.".length());
                String technology = afterAdapter.split("\\.")[0];
                String prefix = Character.toUpperCase(technology.charAt(0)) + technology.substring(1);
                for (JavaClass port : item.getAllRawInterfaces()) {
                    if (A_SECONDARY_PORT.test(port)) {
                        String expected = prefix + port.getSimpleName();
                        boolean ok = item.getSimpleName().equals(expected);
                        events.add(new SimpleConditionEvent(
                                item,
                                ok,
                                item.getName() + " implements " + port.getSimpleName()
                                        + (ok ? "" : " and should be named " + expected)));
                    }
                }
            }
        };
    }
}
