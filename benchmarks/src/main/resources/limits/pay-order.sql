-- The service's payment transaction, statement for statement (docs/front-door.md): lock the order, read its lines,
-- look the payment up, record it, the conditional update, the paid event into the outbox, commit. :pool is the
-- number of unpaid orders seeded by pay-seed.sql; an order drawn twice is found paid and changes nothing.
\set k random(1, :pool)
BEGIN;
SELECT id, order_number, customer_id, currency, total_amount, status, created_at, payment_deadline, payment_reference, paid_at, cancelled_at, cancellation_reason, version FROM orders WHERE id = md5('pgbench-pay-' || :k)::uuid FOR UPDATE;
SELECT order_id, line_no, sku, quantity, unit_price FROM order_items WHERE order_id = ANY (ARRAY[md5('pgbench-pay-' || :k)::uuid]);
SELECT payment_reference, order_id, currency, amount, outcome, refusal, detail, received_at FROM received_payments WHERE payment_reference = 'pgbench-pay-' || :k;
INSERT INTO received_payments (payment_reference, order_id, currency, amount, outcome, refusal, detail, received_at) VALUES ('pgbench-pay-' || :k, md5('pgbench-pay-' || :k)::uuid, 'EUR', 25.00, 'PAID', NULL, '', now()) ON CONFLICT DO NOTHING;
UPDATE orders SET status = 'PAID', payment_reference = 'pgbench-pay-' || :k, paid_at = now(), cancelled_at = NULL, cancellation_reason = NULL, version = version + 1 WHERE id = md5('pgbench-pay-' || :k)::uuid AND version = 0 AND status = 'UNPAID';
INSERT INTO outbox (event_id, order_id, event_type, occurred_at, data, created_at, available_at) VALUES (gen_random_uuid(), md5('pgbench-pay-' || :k)::uuid, 'com.acme.orders.order.paid.v1', now(), '{"orderId":"00000000-0000-0000-0000-000000000000","orderNumber":"20261205-00000001","customerId":"pgbench-customer-00","paymentReference":"pgbench-pay-000000","amount":"25.00","currency":"EUR","paidAt":"2026-12-05T10:10:00.000000Z"}', now(), now());
COMMIT;
