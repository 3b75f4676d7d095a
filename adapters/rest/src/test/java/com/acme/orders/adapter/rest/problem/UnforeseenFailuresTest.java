package com.acme.orders.adapter.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.change.port.ConcurrentOrderChange;
import com.acme.orders.domain.OrderId;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Failures that no request can provoke against the in-memory fixture (a lost race, a bug), handed straight to the real
 * {@link ProblemResponses}, built as the PostgreSQL adapter throws them. The overloaded database, which is not a bug,
 * is the protection package's: {@code DatabaseOverloadTest}.
 */
class UnforeseenFailuresTest {

    private final ProblemResponses problems = new ProblemResponses(List.of());
    private final ServletWebRequest request =
            new ServletWebRequest(new MockHttpServletRequest("POST", "/v1/payment-notifications"));

    @Test
    void a_change_that_lost_a_race_is_a_conflict_the_client_is_told_to_retry() {
        var answer = problems.concurrentChange(new ConcurrentOrderChange(OrderId.newId()));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(((ProblemDetail) answer.getBody()).getType())
                .isEqualTo(URI.create("https://problems.acme.com/orders/concurrent-change"));
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_that_reveals_nothing_inside() {
        var failure = new IllegalStateException("pool of jdbc:postgresql://db.internal:5432/orders exhausted");

        var answer = problems.unexpected(failure, request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        var problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType()).isEqualTo(URI.create("https://problems.acme.com/orders/internal-error"));
        assertThat(problem.getDetail()).contains("incident").doesNotContain("postgresql", "IllegalStateException");
        assertThat(problem.getProperties()).containsOnlyKeys("incident");
    }
}
