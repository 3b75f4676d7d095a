package com.acme.orders.adapter.rest.security;

import com.acme.orders.adapter.rest.problem.ProblemResponses;
import com.acme.orders.adapter.rest.problem.ProblemType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The 401 when {@link CurrentCustomerResolver} finds no customer in a request: a verified token whose subject is not a
 * customer id, say. A missing or bad token is answered before, by Spring Security through {@link BearerTokenProblems}.
 */
@RestControllerAdvice
@Order(ProblemResponses.FEATURE_ADVICE_ORDER)
public class CustomerIdentityProblems {

    @ExceptionHandler
    ResponseEntity<Object> unidentifiedCustomer(UnidentifiedCustomer e) {
        var problem = ProblemType.UNIDENTIFIED_CUSTOMER.problem(e.getMessage());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .body(problem);
    }
}
