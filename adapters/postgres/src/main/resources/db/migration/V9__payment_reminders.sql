-- When the customer of an unpaid order was reminded of its deadline (orders.reminders.before ahead of it): set once,
-- under the order's row lock, so a reminder is never sent twice, whatever the reminder index hands out again.
ALTER TABLE orders ADD COLUMN reminded_at timestamptz;
