package com.acme.orders.adapter.rest.problem;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads every amount of a request body as a plain decimal: {@code 12.50} or {@code "12.50"}, and nothing else. An
 * exponent ({@code 1e2}), padding ({@code " 12.50 "}), a plus sign, leading zeros or a lone decimal point are refused
 * instead of being read as the number they might mean: the provider, a log pipeline or an auditor reading the same
 * signed bytes must arrive at the same amount, and a careless client must hear about its format rather than be
 * charged for a guess. Whether the amount has the currency's scale is the domain's rule (a 422).
 */
final class PlainDecimals extends ValueDeserializer<BigDecimal> {

    /** 40 characters hold any amount below the domain's 10^12 with any sensible scale; longer ones are refused. */
    static final int MAX_LENGTH = 40;

    static final String FORMAT = "must be a plain decimal number such as \"12.50\" (no exponent, sign other than '-',"
            + " spaces or leading zeros)";

    private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT
                && token != JsonToken.VALUE_NUMBER_FLOAT
                && token != JsonToken.VALUE_STRING) {
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        }
        // For a number the parser keeps the digits as they were written, so an exponent is still visible here.
        String text = parser.getString();
        if (text.length() > MAX_LENGTH || !PLAIN.matcher(text).matches()) {
            throw InvalidFormatException.from(parser, FORMAT, text, BigDecimal.class);
        }
        return new BigDecimal(text);
    }
}
