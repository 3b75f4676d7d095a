package com.acme.orders.adapter.rest.security;

import io.swagger.v3.oas.annotations.Hidden;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link com.acme.orders.domain.CustomerId} parameter of a handler as the customer who sends the request,
 * resolved by {@link CurrentCustomerResolver}. Hidden from the OpenAPI document as a parameter: the identity is
 * documented once, as the security scheme of the customer operations.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Hidden
public @interface CurrentCustomer {}
