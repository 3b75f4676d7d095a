package com.acme.orders.adapter.rest.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON converter of request bodies, reading UTF-8 only. Jackson by itself detects UTF-16 and UTF-32 from the first
 * bytes and skips a byte-order mark, so two readers of the same signed bytes could disagree on what they say; RFC 8259
 * asks for UTF-8 without a byte-order mark between systems, and that is all this API reads. (A declared charset other
 * than UTF-8 is refused with 415 before anything reads the body, by the protection package.)
 */
final class StrictJsonConverter extends JacksonJsonHttpMessageConverter {

    static final String NOT_UTF8 = "the body must be JSON in UTF-8 without a byte-order mark";

    StrictJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage message, @Nullable Map<String, Object> hints)
            throws IOException {
        var body = new PushbackInputStream(message.getBody(), 4);
        byte[] head = body.readNBytes(4);
        if (!isUtf8Start(head)) {
            throw new HttpMessageNotReadableException(NOT_UTF8, new NotUtf8(), message);
        }
        body.unread(head);
        return super.read(type, new Checked(message, body), hints);
    }

    /**
     * Any JSON text starts with an ASCII character (whitespace, a bracket, a quote, a digit or a letter of a literal).
     * UTF-16 and UTF-32 put a zero byte among the first four; a byte-order mark starts with EF, FE or FF, none ASCII.
     */
    private static boolean isUtf8Start(byte[] head) {
        if (head.length > 0 && (head[0] & 0x80) != 0) {
            return false;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    /** Why a body was not read as UTF-8: the cause of the 400, which names it. */
    static final class NotUtf8 extends IOException {
        NotUtf8() {
            super(NOT_UTF8);
        }
    }

    private record Checked(HttpInputMessage message, InputStream body) implements HttpInputMessage {
        @Override
        public InputStream getBody() {
            return body;
        }

        @Override
        public HttpHeaders getHeaders() {
            return message.getHeaders();
        }
    }
}
