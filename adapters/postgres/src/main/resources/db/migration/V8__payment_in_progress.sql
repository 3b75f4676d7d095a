-- A payment the provider reported started and not yet finished (3-D Secure, a bank redirect, a wallet): part of an
-- unpaid order, which waits for its outcome until held_until (its deadline plus orders.payments.in-progress-hold)
-- instead of being cancelled at its deadline. Cleared when the order is paid or cancelled, or the payment fails.
ALTER TABLE orders ADD COLUMN payment_in_progress varchar(128);
ALTER TABLE orders ADD COLUMN payment_in_progress_since timestamptz;
ALTER TABLE orders ADD COLUMN held_until timestamptz;

-- [jooq ignore start]
ALTER TABLE orders ADD CONSTRAINT orders_payment_in_progress_whole CHECK (
    (payment_in_progress IS NULL) = (payment_in_progress_since IS NULL)
    AND (payment_in_progress IS NULL) = (held_until IS NULL));
ALTER TABLE orders ADD CONSTRAINT orders_only_unpaid_orders_wait CHECK (payment_in_progress IS NULL OR status = 'UNPAID');
-- [jooq ignore stop]
