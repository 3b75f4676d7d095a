package com.acme.orders.adapter.rest.problem;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says in the client's terms why a JSON body could not be read: which field, and what is wrong with it. Jackson's own
 * messages name our Java classes, which are nobody's business outside this service.
 */
final class UnreadableJson {

    /** How jackson-core words a repeated key under {@code STRICT_DUPLICATE_DETECTION}; a test pins it. */
    private static final String DUPLICATE_MESSAGE = "Duplicate Object property";

    private UnreadableJson() {}

    /** The field at fault, when the failure is about one field rather than the body as a whole. */
    static Optional<InvalidField> field(@Nullable Throwable failure) {
        var duplicate = duplicateKey(failure);
        if (duplicate.isPresent()) {
            return duplicate;
        }
        if (!(failure instanceof JacksonException jackson)
                || isMalformed(jackson)
                || jackson instanceof StreamConstraintsException
                || path(jackson).isEmpty()) {
            return Optional.empty();
        }
        String path = path(jackson);
        if (jackson instanceof UnrecognizedPropertyException) {
            return Optional.of(new InvalidField(path, "is not a field of this request"));
        }
        if (jackson instanceof InvalidNullException) {
            return Optional.of(new InvalidField(path, "must not be null"));
        }
        if (jackson instanceof InvalidFormatException format && BigDecimal.class.equals(format.getTargetType())) {
            return Optional.of(new InvalidField(path, PlainDecimals.FORMAT));
        }
        return Optional.of(new InvalidField(path, "has the wrong type or format"));
    }

    static String detail(@Nullable Throwable failure) {
        if (failure instanceof StrictJsonConverter.NotUtf8) {
            return StrictJsonConverter.NOT_UTF8;
        }
        var duplicate = duplicateKey(failure);
        if (duplicate.isPresent()) {
            return "'" + duplicate.get().field() + "' " + duplicate.get().message();
        }
        if (!(failure instanceof JacksonException jackson)) {
            return "the request needs a JSON body";
        }
        if (jackson instanceof StreamConstraintsException) {
            return "the body exceeds a JSON limit: a number, text or nesting is too long";
        }
        if (isMalformed(jackson)) {
            var location = jackson.getLocation();
            return location == null
                    ? "the body is not well-formed JSON"
                    : "the body is not well-formed JSON (line " + location.getLineNr() + ", column "
                            + location.getColumnNr() + ")";
        }
        return field(failure)
                .map(field -> "'" + field.field() + "' " + field.message())
                .orElse("the body is not a JSON object of the expected shape");
    }

    /**
     * A key given twice in one object. Jackson's parser says so only in its message, and knows where: its read context
     * at the failure is the repeated member, from which the whole path follows.
     */
    private static Optional<InvalidField> duplicateKey(@Nullable Throwable failure) {
        if (!(failure instanceof StreamReadException read)
                || read.getOriginalMessage() == null
                || !read.getOriginalMessage().startsWith(DUPLICATE_MESSAGE)
                || !(read.processor() instanceof JsonParser parser)) {
            return Optional.empty();
        }
        return Optional.of(new InvalidField(path(parser.streamReadContext()), "is given more than once"));
    }

    private static String path(@Nullable TokenStreamContext context) {
        var segments = new ArrayDeque<String>();
        for (var at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                segments.push("[" + at.getCurrentIndex() + "]");
            } else if (at.currentName() != null) {
                segments.push("." + at.currentName());
            }
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** Broken syntax; a number too big for its field is a parse error too, but it is about one field. */
    private static boolean isMalformed(JacksonException failure) {
        return failure instanceof StreamReadException && !(failure instanceof InputCoercionException);
    }

    private static String path(JacksonException failure) {
        var path = new StringBuilder();
        for (var reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
