-- The service's placement transaction, round trip for round trip (docs/front-door.md): a block of 100 order numbers
-- once in 100 orders; then BEGIN, the order with its two lines (one statement) and the placed event into the outbox,
-- sent together (the service holds its writes back until the commit and sends them in one round trip); commit.
\set k random(1, 9000000000000000)
\set block random(1, 100)
\if :block = 1
SELECT nextval('order_number_seq') FROM generate_series(1, 100);
\endif
\startpipeline
BEGIN;
WITH new_order AS (INSERT INTO orders (id, order_number, customer_id, currency, total_amount, status, created_at, payment_deadline, payment_reference, paid_at, cancelled_at, cancellation_reason, version, payment_in_progress, payment_in_progress_since, held_until, reminded_at, grace_until) VALUES (md5('pgbench-place-' || :k)::uuid, 'PGB-' || :k, 'pgbench-customer-' || :client_id, 'EUR', 25.99, 'UNPAID', now(), now() + interval '30 minutes', NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, now() + interval '30 minutes')) INSERT INTO order_items (order_id, line_no, sku, quantity, unit_price) VALUES (md5('pgbench-place-' || :k)::uuid, 0, 'BOOK-1', 2, 12.50), (md5('pgbench-place-' || :k)::uuid, 1, 'PEN-7', 1, 0.99);
INSERT INTO outbox (event_id, order_id, event_type, occurred_at, data, created_at, available_at) VALUES (gen_random_uuid(), md5('pgbench-place-' || :k)::uuid, 'com.acme.orders.order.placed.v1', now(), '{"orderId":"00000000-0000-0000-0000-000000000000","orderNumber":"20261205-00000001","customerId":"pgbench-customer-00","currency":"EUR","total":"25.99","items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"},{"sku":"PEN-7","quantity":1,"unitPrice":"0.99"}],"placedAt":"2026-12-05T10:00:00.000000Z","paymentDeadline":"2026-12-05T10:30:00.000000Z"}', now(), now());
\endpipeline
COMMIT;
