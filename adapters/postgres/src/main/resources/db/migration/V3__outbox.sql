-- The transactional outbox: every order event is written here in the transaction that stores its change, so an event
-- exists if and only if the change was committed. The relay sends the rows to Kafka and deletes them in the
-- transaction that confirms the broker's acknowledgement: the table holds only what is not yet published (plus parked
-- rows), so it stays small however many orders pass through it.
CREATE TABLE outbox (
    -- The publication order. Events of one order get increasing ids in commit order, because every change of an
    -- order first locks the order row: the next change of that order cannot insert before the previous one committed.
    -- Across orders ids may commit out of order, which is why the relay never reads "after the last id it saw".
    id           bigint GENERATED ALWAYS AS IDENTITY,
    -- The CloudEvents id: fixed when the domain raised the event, the same on every retry; consumers dedupe by it.
    event_id     uuid          NOT NULL,
    -- The Kafka key and the CloudEvents subject: all events of one order go to one partition, in order.
    order_id     uuid          NOT NULL,
    -- Versioned CloudEvents type, e.g. com.acme.orders.order.cancelled.v1.
    event_type   varchar(100)  NOT NULL,
    -- The CloudEvents time: when the change happened in the business.
    occurred_at  timestamptz   NOT NULL,
    -- The CloudEvents data, JSON exactly as it will be published (text, not jsonb, which would reorder its keys).
    data         text          NOT NULL,
    -- When the row was written, for the commit-to-publish latency and the age of the backlog.
    created_at   timestamptz   NOT NULL,
    -- Failed sends so far, the last failure, and when the next try may happen (backoff).
    attempts     integer       NOT NULL DEFAULT 0,
    last_error   varchar(1000),
    available_at timestamptz   NOT NULL,
    -- Set when the row failed too often: it is kept for an operator and holds back the later events of its order.
    parked_at    timestamptz,
    CONSTRAINT outbox_pk PRIMARY KEY (id),
    CONSTRAINT outbox_event_id_uk UNIQUE (event_id),
    CONSTRAINT outbox_attempts_not_negative CHECK (attempts >= 0)
);

-- "Is there an earlier event of this order still waiting?": the relay asks it for every candidate row.
CREATE INDEX outbox_order_position ON outbox (order_id, id);

-- [jooq ignore start]
-- Rows are inserted and deleted all day: vacuum after a fixed number of dead rows rather than a fraction of a table
-- that is nearly empty, so dead tuples never pile up between autovacuum runs.
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 1000,
                        autovacuum_vacuum_insert_scale_factor = 0.0, autovacuum_vacuum_insert_threshold = 1000);
-- [jooq ignore stop]
