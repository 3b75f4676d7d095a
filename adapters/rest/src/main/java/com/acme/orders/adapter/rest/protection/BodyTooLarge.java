package com.acme.orders.adapter.rest.protection;

import java.io.IOException;

/**
 * A request body above the configured limit. An {@link IOException}, because it is thrown from the body's input stream
 * in the middle of a read, where nothing else can be thrown; whoever reads the body (Jackson) then fails before a use
 * case runs, so nothing of the request is stored.
 */
public class BodyTooLarge extends IOException {

    BodyTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
