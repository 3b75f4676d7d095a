package com.acme.orders.adapter.rest.protection;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpProperties.class)
public class RequestsInFlightLimitConfiguration {

    /**
     * For the API under {@code /v1} only: a health probe or the OpenAPI document needs no database and must still
     * answer when the API is saturated (a liveness probe refused under load would get a busy instance restarted).
     * Ahead of every filter of ours, so a refused request costs nothing; after Spring Boot's observation filter, so
     * {@code http.server.requests} still counts the refusals.
     */
    @Bean
    FilterRegistrationBean<RequestsInFlightLimit> requestsInFlightLimit(
            HttpProperties properties, BusyRefusals refusals, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestsInFlightLimit(
                properties.maxRequestsInFlight(), properties.maxRequestsWorking(), refusals, json));
        registration.addUrlPatterns("/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
