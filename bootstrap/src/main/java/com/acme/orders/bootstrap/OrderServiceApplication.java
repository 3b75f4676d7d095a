package com.acme.orders.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The order service: the use cases of {@code application} served by every adapter found under {@code adapter}. */
@SpringBootApplication(scanBasePackages = {"com.acme.orders.bootstrap", "com.acme.orders.adapter"})
@ConfigurationPropertiesScan(basePackages = {"com.acme.orders.bootstrap", "com.acme.orders.adapter"})
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }
}
