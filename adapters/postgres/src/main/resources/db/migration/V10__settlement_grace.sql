-- With a settlement grace (orders.payments.settlement-grace, none by default): until when the timeout waits, past the
-- deadline, for payments the provider captured before it and reports after it. Set when the order is placed.
ALTER TABLE orders ADD COLUMN grace_until timestamptz;
