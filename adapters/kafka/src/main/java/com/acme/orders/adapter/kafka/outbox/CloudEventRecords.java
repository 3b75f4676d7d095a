package com.acme.orders.adapter.kafka.outbox;

import com.acme.orders.application.outbox.port.PendingEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An event as a Kafka record in the CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes are
 * {@code ce_} headers, the value is the JSON data untouched, and the key is the order id (the CloudEvents subject),
 * which puts every event of an order on the same partition.
 */
final class CloudEventRecords {

    static final String SPEC_VERSION = "1.0";
    static final String CONTENT_TYPE = "application/json";

    private CloudEventRecords() {}

    static ProducerRecord<String, String> of(PendingEvent event, KafkaEventsProperties properties) {
        var headers = new RecordHeaders();
        headers.add("ce_specversion", utf8(SPEC_VERSION));
        headers.add("ce_id", utf8(event.eventId().toString()));
        headers.add("ce_source", utf8(properties.source()));
        headers.add("ce_type", utf8(event.type()));
        headers.add("ce_time", utf8(event.occurredAt().toString()));
        headers.add("ce_subject", utf8(event.key()));
        headers.add("content-type", utf8(CONTENT_TYPE));
        var traceparent = event.traceparent();
        if (traceparent != null) {
            // The CloudEvents distributed-tracing extension: the trace of the request that raised the event, which a
            // consumer continues. Absent for an event raised outside any trace.
            headers.add("ce_traceparent", utf8(traceparent));
        }
        return new ProducerRecord<>(properties.topic(), null, event.key(), event.data(), headers);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
