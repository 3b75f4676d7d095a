package com.acme.orders.adapter.rest.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the servlet container: what answers when something outside Spring MVC's handlers refuses a request
 * with {@code sendError}, such as Spring Security's firewall (a {@code ..}, {@code ;} or {@code //} in the path) or
 * the servlet container (a {@code TRACE}, a body shorter than its {@code Content-Length}). In place of Spring Boot's
 * {@code {"timestamp","status","error","path"}}, a problem detail: {@code invalid-request} for a 400, the status's own
 * {@code about:blank} otherwise. It says nothing of the cause beyond the status, which is all the client can act on.
 */
// Not an endpoint of the API, so not in its OpenAPI document.
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, /error is a path like any other this API does not have.
        int status = code instanceof Integer known ? known : HttpStatus.NOT_FOUND.value();
        // Whatever went wrong before the handlers, the client did not cause a 500 here: those are answered by
        // ProblemResponses with an incident id. A 5xx arriving here is the container's (a 501 for a method, a 503).
        ProblemDetail problem;
        if (status == HttpStatus.BAD_REQUEST.value()) {
            problem = ProblemType.INVALID_REQUEST.problem(
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof RequestRejectedException
                            ? "the request path is not accepted: it holds '..', ';', '//', an encoded separator or a"
                                    + " character a path does not have"
                            : "the request is not valid HTTP for this API");
        } else {
            var known = HttpStatus.resolve(status);
            problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.valueOf(known == null ? 500 : status),
                    known == HttpStatus.NOT_FOUND
                            ? "there is nothing at this path"
                            : "the request was refused: " + (known == null ? status : known.getReasonPhrase()));
            problem.setType(URI.create("about:blank"));
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String uri && isPlainPath(uri)) {
            problem.setInstance(URI.create(uri));
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Only a path that is plainly a URI path goes back as the instance; a hostile one is not echoed. */
    private static boolean isPlainPath(String uri) {
        return uri.length() <= 512 && uri.chars().allMatch(c -> c > 32 && c < 127 && c != '"' && c != '\\');
    }
}
