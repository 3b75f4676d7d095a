package com.acme.orders.adapter.postgres;

import com.acme.orders.adapter.postgres.change.PostgresOrderRepository;
import com.acme.orders.adapter.postgres.change.PostgresTransactions;
import com.acme.orders.adapter.postgres.deadline.PostgresDeadlineForecast;
import com.acme.orders.adapter.postgres.deadline.PostgresUnpaidOrders;
import com.acme.orders.adapter.postgres.ordering.PostgresCustomerOrders;
import com.acme.orders.adapter.postgres.ordering.PostgresIdempotencyKeys;
import com.acme.orders.adapter.postgres.ordering.PostgresOrderNumberSource;
import com.acme.orders.adapter.postgres.outbox.CurrentTrace;
import com.acme.orders.adapter.postgres.outbox.OutboxGauges;
import com.acme.orders.adapter.postgres.outbox.PostgresEventPublication;
import com.acme.orders.adapter.postgres.outbox.PostgresOutboxBacklog;
import com.acme.orders.adapter.postgres.outbox.PostgresOutboxSignal;
import com.acme.orders.adapter.postgres.outbox.PostgresPendingEvents;
import com.acme.orders.adapter.postgres.payment.PostgresReceivedPayments;
import com.acme.orders.adapter.postgres.sql.WritesAtCommit;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Everything this adapter contributes, on Spring Boot's auto-configured data source, jOOQ and transaction manager:
 * the complete list, by feature; nothing of the adapter is found by classpath scanning.
 */
@Configuration(proxyBeanMethods = false)
public class PostgresAdapter {

    // change: where orders live and the transaction of every use case

    @Bean
    PostgresOrderRepository postgresOrderRepository(DSLContext db) {
        return new PostgresOrderRepository(db);
    }

    /**
     * Every connection of the pool works in READ COMMITTED, whatever the server's default: a SELECT ... FOR UPDATE
     * that waited for another writer then reads the row that writer committed and decides on it. Under REPEATABLE
     * READ the same wait would end in a serialization failure, turning every lost race into an error instead of an
     * answer. A level configured explicitly ({@code spring.datasource.hikari.transaction-isolation}) is left alone.
     */
    @Bean
    static BeanPostProcessor readCommittedConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && pool.getTransactionIsolation() == null) {
                    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
                }
                return bean;
            }
        };
    }

    /**
     * Writes held back until the commit (WritesAtCommit) are sent before any other statement of their transaction, so
     * that a read in it sees them.
     */
    @Bean
    DefaultExecuteListenerProvider writesAtCommitBeforeOtherStatements() {
        return new DefaultExecuteListenerProvider(WritesAtCommit.sentBeforeOtherStatements());
    }

    @Bean
    PostgresTransactions postgresTransactions(PlatformTransactionManager transactionManager, DSLContext db) {
        return new PostgresTransactions(transactionManager, db);
    }

    // ordering

    @Bean
    PostgresCustomerOrders postgresCustomerOrders(DSLContext db) {
        return new PostgresCustomerOrders(db);
    }

    @Bean
    PostgresIdempotencyKeys postgresIdempotencyKeys(DSLContext db) {
        return new PostgresIdempotencyKeys(db);
    }

    @Bean
    PostgresOrderNumberSource postgresOrderNumberSource(DSLContext db) {
        return new PostgresOrderNumberSource(db);
    }

    // payment

    @Bean
    PostgresReceivedPayments postgresReceivedPayments(DSLContext db) {
        return new PostgresReceivedPayments(db);
    }

    // deadline

    @Bean
    PostgresUnpaidOrders postgresUnpaidOrders(DSLContext db) {
        return new PostgresUnpaidOrders(db);
    }

    @Bean
    PostgresDeadlineForecast postgresDeadlineForecast(DSLContext db) {
        return new PostgresDeadlineForecast(db);
    }

    // outbox

    @Bean
    PostgresOutboxSignal postgresOutboxSignal() {
        return new PostgresOutboxSignal();
    }

    @Bean
    PostgresEventPublication postgresEventPublication(
            DSLContext db, PostgresOutboxSignal signal, ObjectProvider<CurrentTrace> trace) {
        return new PostgresEventPublication(db, signal, trace.getIfAvailable(() -> CurrentTrace.NONE));
    }

    @Bean
    PostgresPendingEvents postgresPendingEvents(DSLContext db, ObjectProvider<MeterRegistry> meters) {
        return new PostgresPendingEvents(db, meters);
    }

    @Bean
    PostgresOutboxBacklog postgresOutboxBacklog(DSLContext db) {
        return new PostgresOutboxBacklog(db);
    }

    @Bean
    OutboxGauges outboxGauges(PostgresOutboxBacklog outbox) {
        return new OutboxGauges(outbox);
    }
}
