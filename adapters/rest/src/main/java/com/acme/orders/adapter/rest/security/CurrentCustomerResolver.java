package com.acme.orders.adapter.rest.security;

import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.DomainRuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one place that knows how a request names its customer: the {@code sub} of the bearer token Spring Security has
 * verified. Never anything from the body or another header, which the caller could set to anyone.
 */
final class CurrentCustomerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentCustomer.class)
                && parameter.getParameterType().equals(CustomerId.class);
    }

    @Override
    public CustomerId resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binderFactory) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new UnidentifiedCustomer(
                    "the request does not say which customer sends it: " + "send Authorization: Bearer <token>");
        }
        try {
            String subject = token.getToken().getSubject();
            if (subject == null) {
                throw new UnidentifiedCustomer("the token's subject is not a customer id");
            }
            return new CustomerId(subject);
        } catch (DomainRuleViolation | NullPointerException e) {
            throw new UnidentifiedCustomer("the token's subject is not a customer id");
        }
    }
}
