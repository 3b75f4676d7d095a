-- Unpaid orders of one customer, whose id is as long as a real one, all due in the past, for the pgbench scripts. The
-- order numbers carry the date 1970-01-01, which the service never issues. ? is the number of orders.
INSERT INTO orders (id, order_number, customer_id, currency, total_amount, status, created_at, payment_deadline,
                    version)
SELECT gen_random_uuid(), '19700101-' || i, 'physical-limits-6f1c2a9e-0b7d-4c51-9a7e-3d2f8b4c1e05',
       'EUR', 25.0000, 'UNPAID',
       now() - interval '2 hours', now() - interval '1 hour' + i * interval '1 millisecond', 0
  FROM generate_series(1, ?) AS i;
