package com.acme.orders.adapter.rest.problem;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code errors} member of a 400 or 422 problem: which field of the request is wrong, and why.
 *
 * @param field the JSON path of the field ({@code items[0].quantity}) or the name of the query parameter
 */
public record InvalidField(String field, @Nullable String message) {}
