package com.acme.orders.adapter.rest;

import com.acme.orders.adapter.rest.console.ConsoleConfiguration;
import com.acme.orders.adapter.rest.openapi.OpenApiDocumentation;
import com.acme.orders.adapter.rest.order.OrderController;
import com.acme.orders.adapter.rest.order.OrderJsonMapper;
import com.acme.orders.adapter.rest.order.OrderProblems;
import com.acme.orders.adapter.rest.payment.PaymentJsonMapper;
import com.acme.orders.adapter.rest.payment.PaymentNotificationController;
import com.acme.orders.adapter.rest.payment.PaymentOutcomeMetrics;
import com.acme.orders.adapter.rest.problem.ProblemResponses;
import com.acme.orders.adapter.rest.problem.ServerProblemsConfiguration;
import com.acme.orders.adapter.rest.problem.StrictJsonConfiguration;
import com.acme.orders.adapter.rest.protection.BodyTooLargeProblems;
import com.acme.orders.adapter.rest.protection.BusyRefusals;
import com.acme.orders.adapter.rest.protection.HttpProperties;
import com.acme.orders.adapter.rest.protection.RequestBodyLimitConfiguration;
import com.acme.orders.adapter.rest.protection.RequestsInFlightLimitConfiguration;
import com.acme.orders.adapter.rest.security.CustomerAuthenticationConfiguration;
import com.acme.orders.adapter.rest.security.CustomerIdentityConfiguration;
import com.acme.orders.adapter.rest.security.CustomerIdentityProblems;
import com.acme.orders.adapter.rest.security.CustomerTokenProperties;
import com.acme.orders.adapter.rest.security.PaymentSignatureConfiguration;
import com.acme.orders.adapter.rest.security.PaymentSigningProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The complete list of what the REST adapter contributes to an application that imports it: nothing is scanned. */
@Configuration(proxyBeanMethods = false)
@Import({
    OrderController.class,
    OrderJsonMapper.class,
    OrderProblems.class,
    PaymentNotificationController.class,
    PaymentJsonMapper.class,
    PaymentOutcomeMetrics.class,
    CustomerAuthenticationConfiguration.class,
    CustomerIdentityConfiguration.class,
    CustomerIdentityProblems.class,
    PaymentSignatureConfiguration.class,
    RequestBodyLimitConfiguration.class,
    RequestsInFlightLimitConfiguration.class,
    BusyRefusals.class,
    BodyTooLargeProblems.class,
    ProblemResponses.class,
    ServerProblemsConfiguration.class,
    StrictJsonConfiguration.class,
    OpenApiDocumentation.class,
    ConsoleConfiguration.class
})
@EnableConfigurationProperties({CustomerTokenProperties.class, PaymentSigningProperties.class, HttpProperties.class})
public class RestAdapter {}
