package com.acme.orders.adapter.rest.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets handlers take a {@code @CurrentCustomer CustomerId} parameter. */
@Configuration(proxyBeanMethods = false)
public class CustomerIdentityConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentCustomerResolver());
    }
}
