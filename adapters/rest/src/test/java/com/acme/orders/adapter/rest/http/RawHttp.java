package com.acme.orders.adapter.rest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket, for the requests a well-behaved client library refuses to send (a NUL
 * in a header, a raw {@code %00} or {@code ..} in the path, an unknown method, a body shorter than announced): what
 * reaches the server is exactly what the test wrote. Each exchange is one connection, closed by the server.
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 15_000;

    private RawHttp() {}

    /** An answer as read from the wire; header names in lower case. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /**
     * A request with {@code Host}, {@code Connection: close} and, when there is a body and the given header lines do
     * not declare its length themselves, its {@code Content-Length} added to the given header lines.
     */
    public static byte[] request(String method, String target, List<String> headerLines, byte[] body) {
        var head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        headerLines.forEach(line -> head.append(line).append("\r\n"));
        boolean lengthGiven = headerLines.stream()
                .anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"));
        if (body.length > 0 && !lengthGiven) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    public static Answer exchange(int port, byte[] request) throws IOException {
        return exchange(port, request, false);
    }

    /** With {@code endOfInput}, the client says it will send nothing more (a body cut short stays short). */
    public static Answer exchange(int port, byte[] request, boolean endOfInput) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            if (endOfInput) {
                socket.shutdownOutput();
            }
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int endOfHead = text.indexOf("\r\n\r\n");
        if (endOfHead < 0) {
            throw new IllegalStateException("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, endOfHead).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        String body = text.substring(endOfHead + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunked(body);
        }
        return new Answer(
                status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunked(String chunked) {
        var body = new StringBuilder();
        int at = 0;
        while (true) {
            int endOfSize = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(
                    chunked.substring(at, endOfSize).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, endOfSize + 2, endOfSize + 2 + size);
            at = endOfSize + 2 + size + 2;
        }
    }
}
