package com.acme.orders.adapter.rest.problem;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Problem details from the HTTP server itself: Tomcat reports what it refuses before any servlet runs through
 * {@link ServerRefusalReport}, and the servlet container's error page is {@link ProblemErrorController}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(StandardHost.class)
public class ServerProblemsConfiguration {

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    TomcatRefusalsAsProblems tomcatRefusalsAsProblems() {
        return new TomcatRefusalsAsProblems();
    }

    /**
     * Runs after Spring Boot's own customizer, which puts a plain {@link ErrorReportValve} (HTML, no stack trace) on
     * the host: that valve is taken out and the host told to install {@link ServerRefusalReport} when it starts. Two
     * error report valves would not both answer, but which one did would depend on their order.
     */
    static final class TomcatRefusalsAsProblems
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ServerRefusalReport)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ServerRefusalReport.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
