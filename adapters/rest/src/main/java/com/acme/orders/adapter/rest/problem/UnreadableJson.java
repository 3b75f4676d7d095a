package com.acme.orders.adapter.rest.problem;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says in the client's terms why a JSON body could not be read: which field, and what is wrong with it. Jackson's own
 * messages name our Java classes, which are nobody's business outside this service.
 */
final class UnreadableJson {

    private UnreadableJson() {}

    /** The field at fault, when the failure is about one field rather than the body as a whole. */
    static Optional<InvalidField> field(@Nullable Throwable failure) {
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
        return Optional.of(new InvalidField(path, "has the wrong type or format"));
    }

    static String detail(@Nullable Throwable failure) {
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
