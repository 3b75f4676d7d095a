package com.acme.orders.adapter.rest.order;

import com.acme.orders.adapter.rest.problem.InvalidField;
import com.acme.orders.adapter.rest.problem.ProblemResponses;
import com.acme.orders.adapter.rest.problem.ProblemType;
import com.acme.orders.application.ordering.IdempotencyKeyReused;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems only orders have: a damaged cursor, a reused idempotency key. The failures every
 * endpoint meets (no such order, a lost race, a broken rule) are {@link ProblemResponses}'.
 */
@RestControllerAdvice
@Order(ProblemResponses.FEATURE_ADVICE_ORDER)
public class OrderProblems {

    @ExceptionHandler
    ResponseEntity<Object> malformedCursor(MalformedCursor e) {
        var problem = ProblemType.INVALID_REQUEST.problem(e.getMessage());
        problem.setProperty("errors", List.of(new InvalidField("cursor", e.getMessage())));
        return answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<Object> idempotencyKeyReused(IdempotencyKeyReused e) {
        return answer(ProblemType.IDEMPOTENCY_KEY_REUSED.problem(e.getMessage()));
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
