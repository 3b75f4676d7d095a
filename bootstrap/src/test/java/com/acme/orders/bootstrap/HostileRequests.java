package com.acme.orders.bootstrap;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Generated hostile requests: valid requests of every endpoint, each given one defect of the kinds careful clients,
 * providers and proxies disagree on (a key given twice, an amount in another spelling, a value of the wrong type, a
 * body cut short or in another encoding, a {@code Content-Encoding} or charset, a header or path shape the server
 * refuses, a method HTTP does not define). Every defect makes the request one the service must refuse, so whatever is
 * generated, the answer is a 4xx problem detail and nothing is written. Drawn from jqwik's arbitraries with a fixed
 * seed: a run repeats the last, and {@code -Dhostile.seed=N} draws another corpus.
 */
final class HostileRequests {

    /** One request as written on the wire; authorised as the attacker and signed as the provider where it applies. */
    record HostileRequest(
            String description, String method, String target, List<String> headers, byte[] body, boolean signed) {

        @Override
        public String toString() {
            return description;
        }
    }

    /** A JSON object as its members in order, each value as raw JSON; a key may appear twice, which is the point. */
    private record JsonObject(List<Map.Entry<String, String>> members) {

        String render() {
            return members.stream()
                    .map(member -> "\"" + member.getKey() + "\":" + member.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
        }

        JsonObject with(String key, String value) {
            return new JsonObject(members.stream()
                    .map(member -> member.getKey().equals(key) ? Map.entry(key, value) : member)
                    .toList());
        }

        JsonObject withAlso(int position, String key, String value) {
            var more = new ArrayList<>(members);
            more.add(Math.min(position, more.size()), Map.entry(key, value));
            return new JsonObject(more);
        }

        List<String> keys() {
            return members.stream().map(Map.Entry::getKey).toList();
        }
    }

    private static final Map<String, List<String>> WRONG_TYPES = Map.of(
            "currency", List.of("978", "[\"EUR\"]", "{\"code\":\"EUR\"}", "true"),
            "items", List.of("{}", "\"BOOK-1\"", "3", "true"),
            "paymentWindowMinutes", List.of("\"30\"", "30.5", "true", "[30]", "{}", "1e400"),
            "sku", List.of("42", "true", "[\"BOOK-1\"]", "{}"),
            "quantity", List.of("\"1\"", "1.5", "true", "[1]", "{}", "1e400", "99999999999999999999"),
            "unitPrice", List.of("true", "false", "[\"5.00\"]", "{\"value\":\"5.00\"}"),
            "orderId", List.of("42", "true", "[]", "{}"),
            "paymentReference", List.of("42", "true", "[\"pi_1\"]", "{}"),
            "amount", List.of("true", "[\"5.00\"]", "{}"));

    private static final List<String> AMOUNT_SPELLINGS = List.of(
            "%se%s",
            "%sE%s",
            "%se+%s",
            "%sE-%s",
            "\" %s.%s\"",
            "\"%s.%s \"",
            "\"+%s.%s\"",
            "\"00%s.%s\"",
            "\".%s%s\"",
            "\"%s%s.\"",
            "\"%s_%s\"",
            "\"0x%s%s\"",
            "\"%se%s\"",
            "\"%s,%s\"");

    private static final List<String> NOT_A_NUMBER = List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"١٢.٥٠\"");

    private static final List<Charset> OTHER_ENCODINGS = List.of(
            StandardCharsets.UTF_8,
            StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16LE,
            Charset.forName("UTF-32BE"),
            Charset.forName("UTF-32LE"));

    private static final List<String> PATH_DEFECTS =
            List.of("/..", "/.", ";x=1", "/", "%2F", "%2f", "%00", "%25", "%5C", "\\", "%2e%2e", "{x}", "|");

    private static final List<String> HEADER_DEFECTS = List.of("nul", "oversized", "too many", "space in name");

    private HostileRequests() {}

    static List<HostileRequest> sample(String existingOrder, int count) {
        // jqwik draws samples outside a property from its thread's source of randomness; seeding that source makes
        // the corpus the same in every run. Drawn at once, before anything else on this thread draws from it.
        SourceOfRandomness.create(Long.toString(Long.getLong("hostile.seed", 20261206L)));
        return requests(existingOrder).sampleStream().limit(count).toList();
    }

    static Arbitrary<HostileRequest> requests(String existingOrder) {
        return Arbitraries.oneOf(
                bodyDefects("POST", "/v1/orders", order(), false),
                bodyDefects("POST", "/v1/payment-notifications", payment(existingOrder), true),
                requestDefects(existingOrder));
    }

    /** A valid body of one endpoint, with one defect in how it is written. */
    private static Arbitrary<HostileRequest> bodyDefects(
            String method, String target, List<JsonObject> objects, boolean signed) {
        Arbitrary<HostileRequest> wrongType = Arbitraries.integers()
                .between(0, objects.size() - 1)
                .flatMap(at -> Arbitraries.of(objects.get(at).keys())
                        .flatMap(key -> Arbitraries.of(WRONG_TYPES.get(key))
                                .map(value -> request(
                                        "'" + key + "' as " + value,
                                        method,
                                        target,
                                        render(objects, at, objects.get(at).with(key, value)),
                                        signed))));
        Arbitrary<HostileRequest> duplicateKey = Arbitraries.integers()
                .between(0, objects.size() - 1)
                .flatMap(at -> Combinators.combine(
                                Arbitraries.of(objects.get(at).keys()),
                                Arbitraries.integers()
                                        .between(0, objects.get(at).keys().size()))
                        .as((key, position) -> {
                            String value = objects.get(at).members().stream()
                                    .filter(member -> member.getKey().equals(key))
                                    .findFirst()
                                    .orElseThrow()
                                    .getValue();
                            return request(
                                    "'" + key + "' given twice",
                                    method,
                                    target,
                                    render(objects, at, objects.get(at).withAlso(position, key, value)),
                                    signed);
                        }));
        Arbitrary<String> badAmount = Arbitraries.oneOf(
                Combinators.combine(
                                Arbitraries.of(AMOUNT_SPELLINGS),
                                Arbitraries.integers().between(0, 99_999),
                                Arbitraries.integers().between(0, 99))
                        .as((spelling, units, cents) -> spelling.formatted(units, cents)),
                Arbitraries.of(NOT_A_NUMBER));
        String amountKey = target.contains("payment") ? "amount" : "unitPrice";
        int amountAt = objects.size() - 1;
        Arbitrary<HostileRequest> amountSpelling = badAmount.map(amount -> request(
                "'" + amountKey + "' written " + amount,
                method,
                target,
                render(objects, amountAt, objects.get(amountAt).with(amountKey, amount)),
                signed));
        String valid = render(objects, 0, objects.get(0));
        byte[] validBytes = valid.getBytes(StandardCharsets.UTF_8);
        Arbitrary<HostileRequest> cutShort = Arbitraries.integers()
                .between(1, validBytes.length - 1)
                .map(length -> new HostileRequest(
                        "body cut after " + length + " bytes",
                        method,
                        target,
                        List.of("Content-Type: application/json"),
                        Arrays.copyOf(validBytes, length),
                        signed));
        Arbitrary<HostileRequest> otherEncoding = Combinators.combine(
                        Arbitraries.of(OTHER_ENCODINGS), Arbitraries.of(true, false))
                // UTF-8 is the one encoding that is wrong only with a byte-order mark.
                .as((charset, mark) -> mark || charset.equals(StandardCharsets.UTF_8)
                        ? new HostileRequest(
                                "body in " + charset + " with a byte-order mark",
                                method,
                                target,
                                List.of("Content-Type: application/json"),
                                ("\uFEFF" + valid).getBytes(charset),
                                signed)
                        : new HostileRequest(
                                "body in " + charset,
                                method,
                                target,
                                List.of("Content-Type: application/json"),
                                valid.getBytes(charset),
                                signed));
        Arbitrary<HostileRequest> encodedBody = Arbitraries.of(
                        "gzip", "deflate", "br", "compress", "x-custom", "gzip, br")
                .map(encoding -> new HostileRequest(
                        "plain body declared as " + encoding,
                        method,
                        target,
                        List.of("Content-Type: application/json", "Content-Encoding: " + encoding),
                        validBytes,
                        signed));
        Arbitrary<HostileRequest> otherCharset = Arbitraries.of(
                        "ISO-8859-1", "UTF-16", "windows-1252", "US-ASCII", "Shift_JIS", "no-such-charset")
                .map(charset -> new HostileRequest(
                        "body declared in " + charset,
                        method,
                        target,
                        List.of("Content-Type: application/json; charset=" + charset),
                        validBytes,
                        signed));
        return Arbitraries.oneOf(
                wrongType, duplicateKey, amountSpelling, cutShort, otherEncoding, encodedBody, otherCharset);
    }

    /** Any endpoint, with a valid body where it takes one, and one defect in its method, path or headers. */
    private static Arbitrary<HostileRequest> requestDefects(String existingOrder) {
        record Endpoint(String method, String target, String body) {}
        var endpoints = List.of(
                new Endpoint("POST", "/v1/orders", render(order(), 0, order().get(0))),
                new Endpoint("GET", "/v1/orders", null),
                new Endpoint("GET", "/v1/orders/" + existingOrder, null),
                new Endpoint("POST", "/v1/orders/" + existingOrder + "/cancellation", null));
        Arbitrary<Endpoint> endpoint = Arbitraries.of(endpoints);
        Arbitrary<HostileRequest> pathDefect = Combinators.combine(
                        endpoint,
                        Arbitraries.of(PATH_DEFECTS),
                        Arbitraries.integers().between(1, 3))
                .as((at, defect, segment) -> {
                    String[] segments = at.target().split("/");
                    int cut = Math.min(segment, segments.length - 1);
                    String target = String.join("/", Arrays.copyOf(segments, cut + 1))
                            + defect
                            + (cut + 1 < segments.length
                                    ? "/" + String.join("/", Arrays.copyOfRange(segments, cut + 1, segments.length))
                                    : "");
                    return request("path " + target, at.method(), target, at.body(), false);
                });
        Arbitrary<HostileRequest> headerDefect = Combinators.combine(endpoint, Arbitraries.of(HEADER_DEFECTS))
                .as((at, defect) -> {
                    var headers = new ArrayList<String>();
                    headers.add("Content-Type: application/json");
                    switch (defect) {
                        case "nul" -> headers.add("X-Note: a\0b");
                        case "oversized" -> headers.add("X-Padding: " + "p".repeat(20_000));
                        case "too many" ->
                            IntStream.range(0, 150).forEach(i -> headers.add("X-Header-" + i + ": " + i));
                        default -> headers.add("X Note: a");
                    }
                    return new HostileRequest(
                            defect + " header on " + at.method() + " " + at.target(),
                            at.method(),
                            at.target(),
                            headers,
                            at.body() == null ? new byte[0] : at.body().getBytes(StandardCharsets.UTF_8),
                            false);
                });
        Arbitrary<HostileRequest> unknownMethod = Combinators.combine(
                        endpoint,
                        Arbitraries.oneOf(
                                Arbitraries.strings()
                                        .withCharRange('A', 'Z')
                                        .ofMinLength(3)
                                        .ofMaxLength(10),
                                Arbitraries.of("get", "post", "Post", "TRACE", "CONNECT", "PROPFIND", "MKCOL")))
                .as((at, method) ->
                        request("method " + method + " on " + at.target(), method, at.target(), at.body(), false))
                .filter(request -> !List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                        .contains(request.method()));
        return Arbitraries.oneOf(pathDefect, headerDefect, unknownMethod);
    }

    private static List<JsonObject> order() {
        var book = new JsonObject(List.of(
                Map.entry("sku", "\"BOOK-1\""), Map.entry("quantity", "1"), Map.entry("unitPrice", "\"5.00\"")));
        var order = new JsonObject(List.of(
                Map.entry("currency", "\"EUR\""), Map.entry("items", "[]"), Map.entry("paymentWindowMinutes", "30")));
        return List.of(order, book);
    }

    private static List<JsonObject> payment(String existingOrder) {
        return List.of(new JsonObject(List.of(
                Map.entry("orderId", "\"" + existingOrder + "\""),
                Map.entry("paymentReference", "\"pi_generated\""),
                Map.entry("amount", "\"5.00\""),
                Map.entry("currency", "\"EUR\""))));
    }

    /**
     * The body of the objects, with the one at {@code at} replaced: an order is its first object with the others as
     * its items, a payment its only object.
     */
    private static String render(List<JsonObject> objects, int at, JsonObject replacement) {
        var all = new ArrayList<>(objects);
        all.set(at, replacement);
        if (all.size() == 1) {
            return all.get(0).render();
        }
        String items =
                all.subList(1, all.size()).stream().map(JsonObject::render).collect(Collectors.joining(","));
        var order = all.get(0);
        return order.members().stream()
                        .anyMatch(member -> member.getKey().equals("items")
                                && member.getValue().equals("[]"))
                ? new JsonObject(order.members().stream()
                                .map(member -> member.getKey().equals("items")
                                                && member.getValue().equals("[]")
                                        ? Map.entry("items", "[" + items + "]")
                                        : member)
                                .toList())
                        .render()
                : order.render();
    }

    private static HostileRequest request(
            String description, String method, String target, String body, boolean signed) {
        return new HostileRequest(
                description,
                method,
                target,
                List.of("Content-Type: application/json"),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                signed);
    }
}
