package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What a consumer gets from the topic is what docs/events promises: CloudEvents headers and data of its schema. */
class EventContractTest extends OutboxServiceTest {

    /** The published contract, in the repository beside the AsyncAPI document (tests run in bootstrap/). */
    private static final Path SCHEMAS = Path.of("..", "docs", "events", "schemas");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void every_published_event_is_a_cloud_event_keyed_by_its_order_whose_data_validates_against_the_schema_of_its_type()
            throws Exception {
        var activity = new OrderEvents(placeOrder, confirmPayment, cancelOrder);
        relays.start(1);
        IntStream.range(0, 6).forEach(activity::placeAndSettle);

        var received = activity.ours(TopicReader.readUntil(activity.allArrived(), Duration.ofSeconds(30)));

        assertThat(received)
                .extracting(TopicReader.Received::type)
                .contains(OrderEvents.PLACED, OrderEvents.PAID, OrderEvents.CANCELLED, OrderEvents.REFUND_REQUESTED);
        assertThat(received)
                .filteredOn(event -> event.type().equals(OrderEvents.REFUND_REQUESTED))
                .extracting(event -> JSON.readTree(event.value()).get("reason").asString())
                .contains("LATE_PAYMENT", "DUPLICATE_PAYMENT");
        for (var event : received) {
            assertThat(event.headers())
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "/order-service")
                    .containsEntry("ce_subject", event.key())
                    .containsEntry("content-type", "application/json");
            assertThat(UUID.fromString(event.eventId())).isNotNull();
            assertThat(Instant.parse(event.headers().get("ce_time"))).isBefore(Instant.now());
            assertThat(schemaOf(event.type()).validate(event.value(), InputFormat.JSON))
                    .as("%s %s", event.type(), event.value())
                    .isEmpty();
        }
    }

    static JsonSchema schemaOf(String type) throws IOException {
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        // Formats (uuid, date-time) are only annotations in 2020-12 unless asserted; the contract means them.
        var config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(Files.readString(SCHEMAS.resolve(type + ".json")), config);
    }
}
