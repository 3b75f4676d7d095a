-- The service's payment transaction, round trip for round trip (docs/front-door.md): BEGIN with the lock of the order
-- and its lines (one statement); the look-up of the payment; the payment's record, the conditional update and the
-- paid event, sent together (the service holds its writes back until the commit); commit. :pool is the number of
-- unpaid orders seeded by the driver; an order drawn twice is found paid and changes nothing.
\set k random(1, :pool)
\startpipeline
BEGIN;
SELECT orders.id, orders.order_number, orders.customer_id, orders.currency, orders.total_amount, orders.status, orders.created_at, orders.payment_deadline, orders.payment_reference, orders.paid_at, orders.cancelled_at, orders.cancellation_reason, orders.version, orders.payment_in_progress, orders.payment_in_progress_since, orders.held_until, orders.reminded_at, orders.grace_until, order_items.order_id, order_items.line_no, order_items.sku, order_items.quantity, order_items.unit_price FROM orders LEFT OUTER JOIN order_items ON order_items.order_id = orders.id WHERE orders.id = md5('pgbench-pay-' || :k)::uuid FOR UPDATE OF orders;
\endpipeline
SELECT payment_reference, order_id, currency, amount, outcome, refusal, detail, received_at FROM received_payments WHERE payment_reference = 'pgbench-pay-' || :k;
\startpipeline
INSERT INTO received_payments (payment_reference, order_id, currency, amount, outcome, refusal, detail, received_at) VALUES ('pgbench-pay-' || :k, md5('pgbench-pay-' || :k)::uuid, 'EUR', 25.00, 'PAID', NULL, '', now()) ON CONFLICT DO NOTHING;
UPDATE orders SET status = 'PAID', payment_reference = 'pgbench-pay-' || :k, paid_at = now(), cancelled_at = NULL, cancellation_reason = NULL, payment_in_progress = NULL, payment_in_progress_since = NULL, held_until = NULL, reminded_at = NULL, version = version + 1 WHERE id = md5('pgbench-pay-' || :k)::uuid AND version = 0 AND status = 'UNPAID';
INSERT INTO outbox (event_id, order_id, event_type, occurred_at, data, created_at, available_at) VALUES (gen_random_uuid(), md5('pgbench-pay-' || :k)::uuid, 'com.acme.orders.order.paid.v1', now(), '{"orderId":"00000000-0000-0000-0000-000000000000","orderNumber":"20261205-00000001","customerId":"pgbench-customer-00","paymentReference":"pgbench-pay-000000","amount":"25.00","currency":"EUR","paidAt":"2026-12-05T10:10:00.000000Z"}', now(), now());
\endpipeline
COMMIT;
