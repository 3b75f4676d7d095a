-- Orders and their lines. The stored order is the single source of truth about its state, so the table refuses
-- every combination of status and columns that the Order aggregate could never produce: a bug in any writer ends in
-- a failed statement, not in a row that half says PAID.

CREATE TABLE orders (
    id                  uuid          NOT NULL,
    -- yyyyMMdd-sequence: 8 + 1 + at most 19 digits of a bigint sequence.
    order_number        varchar(28)   NOT NULL,
    customer_id         varchar(128)  NOT NULL,
    currency            char(3)       NOT NULL,
    -- numeric(19,4) holds every amount below Money.LIMIT at the scale of any ISO currency (at most 3 decimals).
    total_amount        numeric(19,4) NOT NULL,
    status              varchar(16)   NOT NULL,
    created_at          timestamptz   NOT NULL,
    payment_deadline    timestamptz   NOT NULL,
    payment_reference   varchar(128),
    paid_at             timestamptz,
    cancelled_at        timestamptz,
    cancellation_reason varchar(16),
    -- Bumped by every stored change; the conditional update refuses a writer that read an older version.
    version             bigint        NOT NULL,
    CONSTRAINT orders_pk PRIMARY KEY (id),
    -- The sequence already never repeats; the constraint makes a duplicate number impossible even if it were reset.
    CONSTRAINT orders_order_number_uk UNIQUE (order_number),
    CONSTRAINT orders_total_amount_not_negative CHECK (total_amount >= 0),
    CONSTRAINT orders_version_not_negative CHECK (version >= 0),
    CONSTRAINT orders_deadline_after_creation CHECK (payment_deadline > created_at),
    CONSTRAINT orders_status_known CHECK (status IN ('UNPAID', 'PAID', 'CANCELLED')),
    CONSTRAINT orders_cancellation_reason_known
        CHECK (cancellation_reason IN ('PAYMENT_TIMEOUT', 'CUSTOMER_REQUEST')),
    -- Each status carries exactly its own columns: a paid order was never cancelled and vice versa.
    CONSTRAINT orders_status_matches_columns CHECK (
        (status = 'UNPAID'
            AND payment_reference IS NULL AND paid_at IS NULL
            AND cancelled_at IS NULL AND cancellation_reason IS NULL)
        OR (status = 'PAID'
            AND payment_reference IS NOT NULL AND paid_at IS NOT NULL
            AND cancelled_at IS NULL AND cancellation_reason IS NULL)
        OR (status = 'CANCELLED'
            AND payment_reference IS NULL AND paid_at IS NULL
            AND cancelled_at IS NOT NULL AND cancellation_reason IS NOT NULL)
    )
);

-- The lines of an order never change after it is placed. Their currency is the order's: an order is priced in one.
CREATE TABLE order_items (
    order_id   uuid          NOT NULL,
    -- The position in the order as the customer placed it, so lines come back in the same order.
    line_no    smallint      NOT NULL,
    sku        varchar(64)   NOT NULL,
    quantity   integer       NOT NULL,
    unit_price numeric(19,4) NOT NULL,
    -- Also the index that loads the lines of one order, or of a whole page of orders, in one range scan each.
    CONSTRAINT order_items_pk PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT order_items_line_no_not_negative CHECK (line_no >= 0),
    CONSTRAINT order_items_quantity_positive CHECK (quantity > 0),
    CONSTRAINT order_items_unit_price_not_negative CHECK (unit_price >= 0)
);

-- The sequence part of order numbers. NO CYCLE: a sequence that wrapped round would hand out a number twice.
-- Numbers lost to rolled-back transactions leave gaps, which is fine: numbers are unique, not gapless.
CREATE SEQUENCE order_number_seq AS bigint START WITH 1 NO CYCLE;

-- For the sweeper, which repeatedly asks for unpaid orders whose deadline has passed. Partial, so it holds only
-- the unpaid orders (a small, moving window) and not the paid and cancelled history that grows forever.
CREATE INDEX orders_unpaid_by_deadline ON orders (payment_deadline) WHERE status = 'UNPAID';

-- For a customer's order list: keyset pagination newest first reads one page straight off this index, in order,
-- however deep the page. It also serves the look-up of a customer's overdue unpaid orders.
CREATE INDEX orders_of_customer_newest_first ON orders (customer_id, created_at DESC, id DESC);
