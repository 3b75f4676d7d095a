package com.acme.orders.adapter.rest;

import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.DomainRuleViolation;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one place that knows how a request names its customer. Today a trusted gateway puts the id in the
 * {@value #HEADER} header; when tokens arrive, this class reads the token's subject instead and no controller changes.
 */
final class CurrentCustomerResolver implements HandlerMethodArgumentResolver {

    static final String HEADER = "X-Customer-Id";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentCustomer.class)
                && parameter.getParameterType().equals(CustomerId.class);
    }

    @Override
    public CustomerId resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                      NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String value = request.getHeader(HEADER);
        if (value == null) {
            throw new UnidentifiedCustomer("the request does not say which customer sends it: the " + HEADER
                    + " header is missing");
        }
        try {
            return new CustomerId(value);
        } catch (DomainRuleViolation e) {
            throw new UnidentifiedCustomer("the " + HEADER + " header does not hold a customer id: " + e.getMessage());
        }
    }
}
