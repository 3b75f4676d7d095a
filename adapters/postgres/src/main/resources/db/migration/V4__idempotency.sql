-- Requests that may arrive more than once must act once: a client retrying an order it saw no answer to, a payment
-- provider re-sending a notification. Each is guarded by a unique key here, not by memory, so it holds across
-- instances, restarts and concurrent duplicates.

-- Order requests sent with an Idempotency-Key, per customer. The primary key is the guarantee: of two concurrent
-- requests with one key, the second insert waits for the first transaction and then finds the key taken.
CREATE TABLE idempotency_keys (
    customer_id         varchar(128) NOT NULL,
    idempotency_key     varchar(255) NOT NULL,
    -- SHA-256 hex of the normalized command: the same key with a different request is refused, not replayed.
    request_fingerprint char(64)     NOT NULL,
    order_id            uuid         NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (customer_id, idempotency_key)
);

-- The key is claimed before its order is inserted, in the same transaction; the reference is checked at commit.
-- [jooq ignore start]
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_order_fk
    FOREIGN KEY (order_id) REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED;
-- [jooq ignore stop]

-- Every payment a provider reported, applied or not, once per provider payment id. A repeat is answered from here
-- and raises nothing new; refused payments (wrong amount or currency, a paid order) stay here for whoever returns
-- money that could not be applied; REFUND_REQUESTED rows are payments for cancelled orders.
CREATE TABLE received_payments (
    payment_reference varchar(128)  NOT NULL,
    order_id          uuid          NOT NULL,
    currency          char(3)       NOT NULL,
    amount            numeric(19,4) NOT NULL,
    outcome           varchar(16)   NOT NULL,
    refusal           varchar(32),
    detail            text          NOT NULL,
    received_at       timestamptz   NOT NULL,
    CONSTRAINT received_payments_pk PRIMARY KEY (payment_reference),
    CONSTRAINT received_payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT received_payments_outcome_known CHECK (outcome IN ('PAID', 'REFUND_REQUESTED', 'REFUSED')),
    CONSTRAINT received_payments_refused_says_why CHECK ((outcome = 'PAID') = (refusal IS NULL))
);

CREATE INDEX received_payments_of_order ON received_payments (order_id);

-- One provider payment settles at most one order, even if a writer bypassed received_payments.
CREATE UNIQUE INDEX orders_payment_reference_uk ON orders (payment_reference);
