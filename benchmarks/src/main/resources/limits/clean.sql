-- Removes everything the physical limits wrote, so the benchmark's own runs start from the service's data alone.
DELETE FROM outbox WHERE order_id IN
    (SELECT id FROM orders WHERE customer_id = 'physical-limits-6f1c2a9e-0b7d-4c51-9a7e-3d2f8b4c1e05');
DELETE FROM order_items WHERE order_id IN
    (SELECT id FROM orders WHERE customer_id = 'physical-limits-6f1c2a9e-0b7d-4c51-9a7e-3d2f8b4c1e05');
DELETE FROM orders WHERE customer_id = 'physical-limits-6f1c2a9e-0b7d-4c51-9a7e-3d2f8b4c1e05';
