package com.acme.orders.adapter.rest.protection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
public class RequestBodyLimitConfiguration {

    /**
     * For every path, and ahead of every filter that might read a body (form parsing, a future signature check on
     * payment notifications), so that nothing reads more than the limit.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(HttpProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(properties.maxBodySize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * After the in-flight limit (an overload is refused cheapest) and before the body limit: a request refused for its
     * method or encoding needs no body counted.
     */
    @Bean
    FilterRegistrationBean<UnsupportedRequests> unsupportedRequests(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new UnsupportedRequests(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
        return registration;
    }
}
