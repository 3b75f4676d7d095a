package com.acme.orders.adapter.rest.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The requests that arrive on the management server ({@code management.server.port}), not on the API's. Spring Boot
 * serves the actuator there from a child context with its own Tomcat, and hands that Tomcat's requests to the same
 * Spring Security filter chains as the API's; the child context names its server {@code management}, so the request's
 * own servlet context tells which port it came in on, whatever number the port has (tests use random ones).
 */
final class ManagementServerRequests implements RequestMatcher {

    /** {@code WebServerNamespace.MANAGEMENT} of the actuator, named here so the adapter needs no actuator classes. */
    static final String MANAGEMENT = "management";

    @Override
    public boolean matches(HttpServletRequest request) {
        var context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context, MANAGEMENT);
    }
}
