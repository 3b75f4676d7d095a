package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compose stack of the repository's top level ({@code compose.yaml}), checked where no Docker engine runs: every
 * file it mounts is in the repository, the instances are configured only with properties the service knows, they wait
 * for healthy servers and are probed on the management port, Prometheus (whose configuration promtool checks, laid out
 * as the stack mounts it) scrapes both as the alerts expect, and Grafana finds the dashboard and the stack's
 * Prometheus. Whether the images exist and the stack comes up is checked only by {@code docker compose up}.
 */
class ComposeStackTest {

    /** Surefire runs the tests of a module in the module's directory. */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static final String INSTANCE = "order-service-";
    /** What a production start needs at the least (ProductionJarIT starts the jar with these). */
    private static final List<String> NEEDED = List.of(
            "SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD",
            "SPRING_DATA_REDIS_HOST",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "ORDERS_SECURITY_JWT_SECRET",
            "ORDERS_PAYMENTS_SIGNINGSECRETS");

    private final Map<String, Object> compose = yaml(REPOSITORY.resolve("compose.yaml"));
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void every_file_the_stack_mounts_is_in_the_repository() {
        List<String> mounted = services.values().stream()
                .flatMap(service -> strings(map(service).get("volumes")).stream())
                .filter(volume -> volume.startsWith("./"))
                .toList();

        assertThat(mounted).hasSizeGreaterThanOrEqualTo(5);
        assertThat(mounted)
                .allSatisfy(volume -> assertThat(REPOSITORY.resolve(source(volume)))
                        .as(volume)
                        .isRegularFile());
    }

    @Test
    void two_instances_run_the_image_the_build_makes_configured_only_with_properties_the_service_knows()
            throws IOException {
        Set<String> known = environmentNamesOfKnownProperties();
        List<String> instances = instances();

        assertThat(instances).containsExactly("order-service-1", "order-service-2");
        for (String instance : instances) {
            var service = map(services.get(instance));
            var environment = map(service.get("environment"));
            assertThat(environment).as(instance).containsKeys(NEEDED.toArray(String[]::new));
            assertThat(environment.keySet())
                    .as(instance)
                    .allSatisfy(name -> assertThat(known)
                            .as("%s sets %s, which is no property of the service", instance, name)
                            .contains(name));
            assertThat(service.get("image"))
                    .as("the image the image profile builds")
                    .isEqualTo("${ORDER_SERVICE_IMAGE:-order-service:" + System.getProperty("orders.project-version")
                            + "}");
        }
    }

    @Test
    void the_instances_wait_for_healthy_servers_and_are_probed_for_readiness_on_the_management_port() {
        for (String instance : instances()) {
            var service = map(services.get(instance));
            var dependencies = map(service.get("depends_on"));
            assertThat(dependencies).as(instance).containsOnlyKeys("postgres", "redis", "kafka");
            dependencies.forEach((server, condition) -> {
                assertThat(map(condition)).containsEntry("condition", "service_healthy");
                assertThat(map(services.get(server))).as(server).containsKey("healthcheck");
            });
            assertThat(String.join(" ", strings(map(service.get("healthcheck")).get("test"))))
                    .contains("/8081", "GET /actuator/health/readiness");
        }
    }

    @Test
    void prometheus_scrapes_both_instances_on_the_management_port_with_the_alerting_rules(@TempDir Path etc)
            throws Exception {
        // /etc/prometheus as the stack mounts it
        for (String volume : strings(map(services.get("prometheus")).get("volumes"))) {
            String target = volume.split(":")[1];
            assertThat(target).startsWith("/etc/prometheus/");
            Files.copy(REPOSITORY.resolve(source(volume)), etc.resolve(target.substring("/etc/prometheus/".length())));
        }
        var config = yaml(etc.resolve("prometheus.yml"));
        var job = map(list(config.get("scrape_configs")).getFirst());

        assertThat(job)
                .containsEntry("job_name", "order-service")
                .containsEntry("metrics_path", "/actuator/prometheus");
        assertThat(strings(map(list(job.get("static_configs")).getFirst()).get("targets")))
                .containsExactlyElementsOf(
                        instances().stream().map(it -> it + ":8081").toList());
        assertThat(strings(config.get("rule_files"))).containsExactly("alerts.yaml");
        var result = Promtool.run(etc, "check", "config", "prometheus.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void grafana_finds_the_dashboard_and_the_prometheus_of_the_stack() throws IOException {
        var mounts = strings(map(services.get("grafana")).get("volumes"));
        String dashboard = mounts.stream()
                .filter(it -> it.startsWith("./ops/grafana/order-service.json:"))
                .findFirst()
                .orElseThrow()
                .split(":")[1];
        var provider = map(
                list(yaml(provisioning(mounts, "dashboards")).get("providers")).getFirst());
        var datasource = map(list(yaml(provisioning(mounts, "datasources")).get("datasources"))
                .getFirst());

        assertThat(dashboard).startsWith(map(provider.get("options")).get("path") + "/");
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("isDefault", true);
        var url = URI.create((String) datasource.get("url"));
        assertThat(services).containsKey(url.getHost());
        assertThat(strings(map(services.get(url.getHost())).get("ports")))
                .contains(url.getPort() + ":" + url.getPort());
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(REPOSITORY.resolve("ops/grafana/order-service.json"))
                        .toString())
                .as("the dashboard's data source variable picks a Prometheus")
                .contains("\"type\":\"datasource\",\"query\":\"prometheus\"");
    }

    private List<String> instances() {
        return services.keySet().stream().filter(it -> it.startsWith(INSTANCE)).toList();
    }

    /** The file of the repository mounted at /etc/grafana/provisioning/{kind}/... */
    private static Path provisioning(List<String> mounts, String kind) {
        return mounts.stream()
                .filter(it -> it.split(":")[1].startsWith("/etc/grafana/provisioning/" + kind + "/"))
                .map(it -> REPOSITORY.resolve(source(it)))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Every property of every configuration metadata file on the class path (Spring Boot's and the service's), as the
     * environment variables that set it by relaxed binding: dots to underscores and upper case, dashes dropped
     * ({@code SPRING_KAFKA_BOOTSTRAPSERVERS}) or, as Spring Boot also reads them, made underscores
     * ({@code SPRING_KAFKA_BOOTSTRAP_SERVERS}). Not the names of the past, such as {@code SPRING_REDIS_HOST}.
     */
    private static Set<String> environmentNamesOfKnownProperties() throws IOException {
        var json = JsonMapper.builder().build();
        var names = new HashSet<String>();
        for (URL file : Collections.list(
                ComposeStackTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = file.openStream()) {
                json.readTree(in).get("properties").forEach(property -> {
                    if (property.path("deprecation").path("level").asString("").equals("error")) {
                        return; // a name kept in the metadata only to point to its replacement: it binds nothing
                    }
                    String name =
                            property.get("name").asString().replace('.', '_').toUpperCase(Locale.ROOT);
                    names.add(name.replace("-", ""));
                    names.add(name.replace('-', '_'));
                });
            }
        }
        return names;
    }

    private static String source(String volume) {
        return volume.split(":")[0].substring("./".length());
    }

    private static Map<String, Object> yaml(Path file) {
        try (var in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(file + " unreadable", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }

    private static List<String> strings(Object value) {
        return value == null
                ? List.of()
                : list(value).stream().map(String::valueOf).toList();
    }
}
