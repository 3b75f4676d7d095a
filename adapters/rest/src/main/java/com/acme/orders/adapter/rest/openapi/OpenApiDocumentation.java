package com.acme.orders.adapter.rest.openapi;

import com.acme.orders.adapter.rest.security.PaymentSignature;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document at {@code /v3/api-docs} says beyond what springdoc reads from the controllers: the title,
 * how a customer is identified, and that every error answer of this API is a problem detail. The controllers then
 * only name their error statuses; the shape of those answers is stated here once.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocumentation {

    public static final String CUSTOMER = "customer";
    public static final String PAYMENT_PROVIDER = "paymentProvider";
    /** Every operation can meet an overloaded service; the problem type is service-busy. */
    public static final String SERVICE_BUSY = "The service is overloaded (type service-busy, nothing was done): "
            + "retry after the Retry-After header's seconds";

    private static final String PROBLEM = "Problem";

    @Bean
    OpenApiCustomizer ordersApiDocumentation() {
        return openApi -> {
            openApi.info(new Info()
                    .title("Orders")
                    .version("v1")
                    .description("Orders that never outlive their payment deadline."));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components
                    .addSecuritySchemes(
                            CUSTOMER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description("A JWT from the identity provider; its subject is the customer id"))
                    .addSecuritySchemes(
                            PAYMENT_PROVIDER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.HEADER)
                                    .name(PaymentSignature.HEADER)
                                    .description("t=<unix seconds>,v1=<hex HMAC-SHA256 of t + \".\" + raw body> with a "
                                            + "shared secret; several v1 values are allowed"))
                    .addSchemas(PROBLEM, problemSchema()));
            var problemContent = new Content()
                    .addMediaType(
                            org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
            if (openApi.getPaths() != null) {
                openApi.getPaths()
                        .values()
                        .forEach(path -> path.readOperations().forEach(operation -> {
                            if (operation.getResponses() != null) {
                                operation.getResponses().forEach((status, response) -> {
                                    if (status.startsWith("4") || status.startsWith("5")) {
                                        response.setContent(problemContent);
                                    }
                                });
                            }
                        }));
            }
        };
    }

    /** RFC 9457, plus the members this API adds where they apply. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail; branch on type")
                .addProperty(
                        "type",
                        new StringSchema().format("uri").example("https://problems.acme.com/orders/order-not-found"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("The fields at fault, for 400 and 422")
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema().example("items[0].quantity"))
                                        .addProperty("message", new StringSchema())))
                .addProperty(
                        "orderId",
                        new StringSchema()
                                .format("uuid")
                                .description("For a refused change: the order it was refused for"))
                .addProperty("orderStatus", new StringSchema().description("For a refused change: the order's status"))
                .addProperty(
                        "cancellationReason",
                        new StringSchema()
                                .description("For a refused change of a cancelled order: why it was cancelled"));
    }
}
