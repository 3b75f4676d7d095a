package com.acme.orders.adapter.postgres.sql;

import org.jooq.Configuration;
import org.jooq.SQLDialect;
import org.jooq.TableRecord;
import org.jooq.impl.DefaultConfiguration;

/**
 * Records that only carry values into a statement and are never stored through jOOQ. A record attached to no
 * configuration makes jOOQ build a default one, its settings cloned, for every value set on it: a tenth of what the
 * timeout worker allocated per cancellation (docs/timeouts.md). Attached to this one shared configuration, which has
 * no connection, a record costs its values only.
 */
public final class DetachedRows {

    private static final Configuration SHARED = new DefaultConfiguration().set(SQLDialect.POSTGRES);

    private DetachedRows() {}

    public static <R extends TableRecord<R>> R of(R record) {
        record.attach(SHARED);
        return record;
    }
}
