-- pgbench script: the service's cancellation of one due order, statement by statement as the service sends them
-- (lock the order, load its lines, conditional update, outbox row, commit), with FOR UPDATE SKIP LOCKED so that the
-- clients never queue behind each other's row. Works on the rows PhysicalLimits seeded (customer physical-limits-…).
BEGIN;
SELECT id AS order_id, version AS order_version, order_number, customer_id, total_amount, currency
  FROM orders
 WHERE status = 'UNPAID' AND payment_deadline <= now()
   AND customer_id = 'physical-limits-6f1c2a9e-0b7d-4c51-9a7e-3d2f8b4c1e05'
 ORDER BY payment_deadline
 LIMIT 1
   FOR UPDATE SKIP LOCKED \gset
SELECT sku, quantity, unit_price FROM order_items WHERE order_id = ':order_id' ORDER BY line_no \gset
-- The version check of PostgresOrderRepository: only an order still UNPAID at the version read, and due, moves.
UPDATE orders
   SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = 'PAYMENT_TIMEOUT', version = version + 1
 WHERE id = ':order_id' AND version = :order_version AND status = 'UNPAID' AND payment_deadline <= now();
-- The com.acme.orders.order.cancelled.v1 data as OrderEventContract writes it (about 400 bytes).
INSERT INTO outbox (event_id, order_id, event_type, occurred_at, data, created_at, available_at)
VALUES (gen_random_uuid(), ':order_id', 'com.acme.orders.order.cancelled.v1', now(),
        format('{"orderId":"%s","orderNumber":"%s","customerId":"%s","amount":"%s","currency":"%s",'
               '"reason":"PAYMENT_TIMEOUT","cancelledAt":"%s","items":[{"sku":"%s","quantity":%s,"unitPrice":"%s"}]}',
               ':order_id', ':order_number', ':customer_id', ':total_amount', ':currency',
               to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ':sku', :quantity, ':unit_price'),
        now(), now());
COMMIT;
