-- The service's placement transaction, statement for statement (docs/front-door.md): a block of 100 order numbers
-- once in 100 orders, the order and its two lines in one statement, the placed event into the outbox, commit.
\set k random(1, 9000000000000000)
\set block random(1, 100)
BEGIN;
\if :block = 1
SELECT nextval('order_number_seq') FROM generate_series(1, 100);
\endif
WITH new_order AS (INSERT INTO orders (id, order_number, customer_id, currency, total_amount, status, created_at, payment_deadline, payment_reference, paid_at, cancelled_at, cancellation_reason, version) VALUES (md5('pgbench-place-' || :k)::uuid, 'PGB-' || :k, 'pgbench-customer-' || :client_id, 'EUR', 25.99, 'UNPAID', now(), now() + interval '30 minutes', NULL, NULL, NULL, NULL, 0)) INSERT INTO order_items (order_id, line_no, sku, quantity, unit_price) VALUES (md5('pgbench-place-' || :k)::uuid, 0, 'BOOK-1', 2, 12.50), (md5('pgbench-place-' || :k)::uuid, 1, 'PEN-7', 1, 0.99);
INSERT INTO outbox (event_id, order_id, event_type, occurred_at, data, created_at, available_at) VALUES (gen_random_uuid(), md5('pgbench-place-' || :k)::uuid, 'com.acme.orders.order.placed.v1', now(), '{"orderId":"00000000-0000-0000-0000-000000000000","orderNumber":"20261205-00000001","customerId":"pgbench-customer-00","currency":"EUR","total":"25.99","items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"},{"sku":"PEN-7","quantity":1,"unitPrice":"0.99"}],"placedAt":"2026-12-05T10:00:00.000000Z","paymentDeadline":"2026-12-05T10:30:00.000000Z"}', now(), now());
COMMIT;
