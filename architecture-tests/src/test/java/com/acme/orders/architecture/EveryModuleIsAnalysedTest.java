package com.acme.orders.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules pass trivially on classes they never see. A module packaged in an unexpected shape (a Spring Boot fat jar
 * keeps its classes under BOOT-INF/) would drop out of the analysis without a word, so this checks that a known class
 * of every module is imported the way the rules import them.
 */
class EveryModuleIsAnalysedTest {

    @Test
    void the_rules_see_a_class_of_every_module() {
        var imported = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("com.acme.orders");

        assertThat(imported.stream().map(JavaClass::getName))
                .contains(
                        "com.acme.orders.domain.Order",
                        "com.acme.orders.application.ordering.PlaceOrder",
                        "com.acme.orders.adapter.rest.order.OrderController",
                        "com.acme.orders.adapter.postgres.change.PostgresOrderRepository",
                        "com.acme.orders.adapter.redis.deadline.RedisDeadlineIndex",
                        "com.acme.orders.adapter.kafka.outbox.KafkaEventBroker",
                        "com.acme.orders.adapter.scheduling.deadline.ExpiryWorker",
                        "com.acme.orders.bootstrap.OrderServiceApplication");
    }
}
