package com.acme.orders.adapter.rest.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem detail from a servlet filter. A request refused in a filter never reaches Spring MVC, so
 * {@link ProblemResponses} cannot answer it; this gives those answers the same shape.
 */
public final class FilterProblems {

    private FilterProblems() {}

    public static void write(
            HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, JsonMapper json)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
