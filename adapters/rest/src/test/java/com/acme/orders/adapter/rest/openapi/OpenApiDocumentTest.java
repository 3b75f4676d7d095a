package com.acme.orders.adapter.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class OpenApiDocumentTest {

    @Autowired
    RestTestClient http;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void the_openapi_document_lists_every_endpoint_with_its_method() {
        JsonNode document = document();

        Map<String, Set<String>> operations = new TreeMap<>();
        document.get("paths").properties().forEach(path -> {
            Set<String> methods = new TreeSet<>(path.getValue().propertyNames());
            operations.put(path.getKey(), methods);
        });

        assertThat(operations)
                .isEqualTo(Map.of(
                        "/v1/orders", Set.of("get", "post"),
                        "/v1/orders/{id}", Set.of("get"),
                        "/v1/orders/{id}/cancellation", Set.of("post"),
                        "/v1/payment-notifications", Set.of("post")));
    }

    @Test
    void every_error_answer_in_the_document_is_a_problem_detail() {
        JsonNode paths = document().get("paths");

        paths.properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> operation
                                .getValue()
                                .get("responses")
                                .properties()
                                .forEach(response -> {
                                    if (response.getKey().startsWith("4")
                                            || response.getKey().startsWith("5")) {
                                        assertThat(response.getValue()
                                                        .at("/content/application~1problem+json/schema/$ref")
                                                        .asString())
                                                .as("%s %s %s", operation.getKey(), path.getKey(), response.getKey())
                                                .isEqualTo("#/components/schemas/Problem");
                                    }
                                })));
        assertThat(paths.at("/~1v1~1payment-notifications/post/responses").propertyNames())
                .contains("200", "400", "404", "409", "413", "422", "503");
        assertThat(paths.at("/~1v1~1orders/post/responses").propertyNames())
                .contains("201", "400", "401", "413", "422", "503");
    }

    @Test
    void customer_operations_say_how_the_customer_is_identified_and_do_not_show_it_as_a_parameter() {
        JsonNode document = document();

        assertThat(document.at("/components/securitySchemes/customer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/customer/bearerFormat")
                        .asString())
                .isEqualTo("JWT");
        assertThat(document.at("/components/securitySchemes/paymentProvider/name")
                        .asString())
                .isEqualTo("Payment-Signature");
        assertThat(document.at("/paths/~1v1~1orders~1{id}/get/security/0").propertyNames())
                .containsExactly("customer");
        assertThat(document.at("/paths/~1v1~1orders~1{id}/get/parameters").findValuesAsString("name"))
                .containsExactly("id");
    }

    private JsonNode document() {
        byte[] body = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(byte[].class)
                .getResponseBody();
        return json.readTree(body);
    }
}
