package com.acme.orders.adapter.rest.protection;

import com.acme.orders.adapter.rest.problem.ProblemResponses;
import com.acme.orders.adapter.rest.problem.ProblemType;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The 413 of a body that grew past the limit while it was read (sent chunked, or longer than it said). Jackson meets
 * the {@link BodyTooLarge} first and Spring MVC hands it over wrapped as an unreadable message; asked before
 * {@link ProblemResponses}, this advice finds it among the causes, so the client hears "too large", not "bad JSON".
 * A body declared too large is refused earlier, by {@link RequestBodyLimit} itself.
 */
@RestControllerAdvice
@Order(ProblemResponses.FEATURE_ADVICE_ORDER)
public class BodyTooLargeProblems {

    @ExceptionHandler
    ResponseEntity<Object> bodyTooLarge(BodyTooLarge e) {
        var problem = ProblemType.BODY_TOO_LARGE.problem(e.getMessage());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
