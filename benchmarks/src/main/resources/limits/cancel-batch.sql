-- pgbench script: the service's batched cancellation, 500 due orders per transaction, set-based in one statement:
-- lock up to 500 due unpaid orders (SKIP LOCKED: concurrent batches take disjoint orders), one UPDATE ... FROM with
-- the same version check as the single cancellation, one INSERT ... SELECT of their outbox rows with the lines the
-- event carries. One statement is one transaction. Works on the rows PhysicalLimits seeded.
WITH due AS (
    SELECT id, version
      FROM orders
     WHERE status = 'UNPAID' AND payment_deadline <= now()
       AND customer_id = 'physical-limits-6f1c2a9e-0b7d-4c51-9a7e-3d2f8b4c1e05'
     ORDER BY payment_deadline
     LIMIT 500
       FOR UPDATE SKIP LOCKED
), cancelled AS (
    UPDATE orders o
       SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = 'PAYMENT_TIMEOUT', version = o.version + 1
      FROM due
     WHERE o.id = due.id AND o.version = due.version AND o.status = 'UNPAID' AND o.payment_deadline <= now()
    RETURNING o.id, o.order_number, o.customer_id, o.total_amount, o.currency, o.cancelled_at
)
INSERT INTO outbox (event_id, order_id, event_type, occurred_at, data, created_at, available_at)
SELECT gen_random_uuid(), c.id, 'com.acme.orders.order.cancelled.v1', c.cancelled_at,
       format('{"orderId":"%s","orderNumber":"%s","customerId":"%s","amount":"%s","currency":"%s",'
              '"reason":"PAYMENT_TIMEOUT","cancelledAt":"%s","items":[{"sku":"%s","quantity":%s,"unitPrice":"%s"}]}',
              c.id, c.order_number, c.customer_id, c.total_amount, c.currency,
              to_char(c.cancelled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), i.sku, i.quantity,
              i.unit_price),
       now(), now()
  FROM cancelled c
  JOIN order_items i ON i.order_id = c.id;
