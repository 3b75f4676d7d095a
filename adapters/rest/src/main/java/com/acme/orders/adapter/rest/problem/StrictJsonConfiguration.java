package com.acme.orders.adapter.rest.problem;

import java.math.BigDecimal;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a field we do not know, a {@code 2.5} where a count belongs, a {@code "2"} or a
 * {@code true} where a number or a text belongs is a 400, never a guess. A client that misspells {@code quantity}
 * must hear about it instead of ordering with a default.
 *
 * <p>Every body has one reading, the same for every careful reader of its bytes: a key given twice is refused (Jackson
 * would let the last one win where another parser lets the first, and a signed payment notification would pay
 * whichever order its reader picked), amounts are plain decimals ({@link PlainDecimals}), and the text is UTF-8
 * ({@link StrictJsonConverter}).
 *
 * <p>Only the JSON converter of Spring MVC is made strict; the application's shared {@link JsonMapper} stays as it is,
 * because other adapters may read JSON they do not own. Amounts stay readable from a string or a number
 * ({@code "12.50"} or {@code 12.50}), both exact as {@link java.math.BigDecimal}.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    /** Ordered after Spring Boot's own JSON converter customizer (order 0), so this converter is the one MVC uses. */
    @Bean
    @Order(1)
    ServerHttpMessageConvertersCustomizer strictJsonRequestBodies(JsonMapper jsonMapper) {
        JsonMapper strict = jsonMapper
                .rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("plain-decimals").addDeserializer(BigDecimal.class, new PlainDecimals()))
                .enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Integer,
                        integers -> integers.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Textual,
                        texts -> texts.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        decimals -> decimals.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
        return converters -> converters.withJsonConverter(new StrictJsonConverter(strict));
    }
}
