package com.acme.orders.adapter.postgres.sql;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * A column of many rows as one array bind value. A statement written over arrays ({@code = ANY(?)},
 * {@code unnest(?, ?, ...)}) has one SQL text however many rows it carries, so PostgreSQL parses and plans it once and
 * the driver sends it in one round trip; an IN list or a batch of per-row statements costs a parse and a plan per
 * size or per row.
 */
public final class ArrayBinds {

    private ArrayBinds() {}

    public static <R> Field<UUID[]> uuids(List<R> rows, Function<R, UUID> column) {
        return DSL.val(rows.stream().map(column).toArray(UUID[]::new), SQLDataType.UUID.array());
    }

    public static <R> Field<Long[]> longs(List<R> rows, Function<R, Long> column) {
        return DSL.val(rows.stream().map(column).toArray(Long[]::new), SQLDataType.BIGINT.array());
    }

    /**
     * A placeholder for a column of many rows, sent by the driver as one binary {@code text[]} (see {@link #texts})
     * and cast to {@code sqlType[]} by PostgreSQL, for a statement run by {@link RenderedOnce}. jOOQ's own array
     * binds ({@link #uuids} and the others) are rendered as array literals: every element turned to text, escaped and
     * joined, a fifth of what the timeout worker allocated (docs/timeouts.md); the driver sends a {@code String[]} as
     * it is, and has no encoding at all for a {@code UUID[]}.
     */
    public static Field<Object> texts(String name, String sqlType) {
        return DSL.field("cast({0} as " + sqlType + "[])", Object.class, DSL.param(name, SQLDataType.VARCHAR.array()));
    }

    /** The values of {@link #texts(String, String)}: each as PostgreSQL reads it ({@code null} stays null). */
    public static <R> @Nullable String[] texts(List<R> rows, Function<R, ? extends @Nullable Object> column) {
        @Nullable String[] texts = new String[rows.size()];
        for (int i = 0; i < texts.length; i++) {
            Object value = column.apply(rows.get(i));
            texts[i] = value == null ? null : value.toString();
        }
        return texts;
    }

    /** A column of the derived table {@code alias}, e.g. the {@code unnest} of these arrays. */
    public static <T> Field<T> column(String alias, String name, Class<T> type) {
        return DSL.field(DSL.name(alias, name), type);
    }

    public static <T> Field<T> column(String alias, String name, DataType<T> type) {
        return DSL.field(DSL.name(alias, name), type);
    }
}
