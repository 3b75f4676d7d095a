package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code orders.*} properties are documented where an IDE finds them: the configuration processor writes
 * {@code META-INF/spring-configuration-metadata.json} into every jar with {@code @ConfigurationProperties} records, and
 * every {@code orders.*} key that application.yaml sets is in it, with a description, so that it completes and explains
 * itself in application.yaml and in an environment's own configuration.
 */
class ConfigurationMetadataTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void every_orders_property_of_application_yaml_is_described_in_the_configuration_metadata() throws IOException {
        Map<String, String> described = describedProperties();
        List<String> set = ordersKeysOf("application.yaml");

        assertThat(set).contains("orders.timeouts.lease", "orders.outbox.relay.batch-size");
        assertThat(described).containsKeys(set.toArray(String[]::new));
        assertThat(set).allSatisfy(key -> assertThat(described.get(key)).as(key).isNotBlank());
    }

    /** Every property of every metadata file on the class path (one per module with properties), with its text. */
    private Map<String, String> describedProperties() throws IOException {
        var described = new HashMap<String, String>();
        for (URL file : Collections.list(
                getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = file.openStream()) {
                json.readTree(in)
                        .get("properties")
                        .forEach(property -> described.put(
                                property.get("name").asString(),
                                property.has("description")
                                        ? property.get("description").asString()
                                        : ""));
            }
        }
        return described;
    }

    private List<String> ordersKeysOf(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Map<String, Object> yaml = new Yaml().load(in);
            var keys = new ArrayList<String>();
            flatten("orders", yaml.get("orders"), keys);
            return keys;
        }
    }

    private static void flatten(String prefix, Object value, List<String> keys) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix + "." + key, child, keys));
        } else {
            keys.add(prefix);
        }
    }
}
