package com.acme.orders.adapter.rest.problem;

import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * Recognises, among the failures no handler foresaw, one that is not a bug, and answers it. What the persistence
 * technology throws when the database is overloaded is such a failure: a 503 to retry, not a 500. The feature that
 * knows the failure implements this; {@link ProblemResponses} asks every implementation before it answers 500, so it
 * needs to know neither the failures nor their answers.
 */
@FunctionalInterface
public interface FailureAnswer {

    /** The answer to {@code failure}, or empty when this does not recognise it. */
    Optional<ResponseEntity<Object>> answer(Exception failure, WebRequest request);
}
