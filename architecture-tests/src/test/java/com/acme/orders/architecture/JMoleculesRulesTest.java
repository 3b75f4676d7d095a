package com.acme.orders.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.jmolecules.archunit.JMoleculesArchitectureRules;
import org.jmolecules.archunit.JMoleculesDddRules;

/**
 * jMolecules' own rules, next to ours: they read the concepts the code is annotated with ({@code @AggregateRoot},
 * {@code @ValueObject}, {@code @PrimaryPort}, {@code @SecondaryAdapter}, ...) and check their meaning, so the
 * annotations cannot drift from what the code does.
 */
@AnalyzeClasses(packages = "com.acme.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class JMoleculesRulesTest {

    /** Adapters depend on ports, ports on the application core, never the other way round. */
    @ArchTest
    static final ArchRule the_hexagon_as_jmolecules_defines_it = JMoleculesArchitectureRules.ensureHexagonal();

    /** Aggregates refer to other aggregates by identity only, entities live inside their aggregate, and so on. */
    @ArchTest
    static final ArchRule the_building_blocks_of_ddd = JMoleculesDddRules.all();
}
