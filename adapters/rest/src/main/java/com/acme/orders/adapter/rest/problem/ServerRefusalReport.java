package com.acme.orders.adapter.rest.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report, as a problem detail instead of its HTML page. Tomcat answers by itself what it refuses before
 * any servlet runs: a malformed request line or header, a header too large, a path it will not decode ({@code %2F},
 * {@code %00}), a request it could not read in time. Its {@code ErrorReportValve} then writes an HTML page; this one
 * writes the same answer as {@code application/problem+json}, with the status's own {@code about:blank} type (the
 * status says all there is to say, and nothing of the request is echoed back). Installed on the host by
 * {@link ServerProblemsConfiguration}; Tomcat creates it by its class name, hence public with no arguments.
 */
public class ServerRefusalReport extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail(status));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was taken over; there is nobody left to tell.
        }
    }

    private static String title(int status) {
        var known = HttpStatus.resolve(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 ->
                "the HTTP server refused the request: its request line, a header or the path is malformed or"
                        + " not allowed (an encoded '/' or NUL, a control character)";
            case 408 -> "the request was not received in time";
            case 413 -> "the request is too large";
            case 414 -> "the request target is too long";
            case 431 -> "the request's headers are too large";
            case 505 -> "this server speaks HTTP/1.1 (and HTTP/1.0)";
            default -> "the HTTP server refused the request: " + title(status);
        };
    }
}
