package com.acme.orders.benchmarks.reliability;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The order an answer of the API names: the {@code "id"} of a placed order's body. */
final class OrderIds {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private OrderIds() {}

    static @Nullable UUID in(String body) {
        var matcher = ID.matcher(body);
        return matcher.find() ? UUID.fromString(matcher.group(1)) : null;
    }
}
