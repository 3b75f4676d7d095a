-- One line per seeded order. The long SKU brings the cancelled event's data to about 400 bytes, as a real order's.
INSERT INTO order_items (order_id, line_no, sku, quantity, unit_price)
SELECT id, 0, 'SKU-PHYSICAL-LIMITS-0000000000000000000000000000000000000000001', 1, 25.0000
  FROM orders
 WHERE customer_id = 'physical-limits-6f1c2a9e-0b7d-4c51-9a7e-3d2f8b4c1e05';
