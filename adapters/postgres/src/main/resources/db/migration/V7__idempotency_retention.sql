-- Idempotency keys are kept for a retention period (orders.idempotency.retention, 24 hours by default), then
-- forgotten in the background: the table holds the retries that can still come, not every order ever placed.
-- Keys claimed before this column existed count from the migration.
ALTER TABLE idempotency_keys ADD COLUMN claimed_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE idempotency_keys ALTER COLUMN claimed_at DROP DEFAULT;

-- The purge reads the oldest keys first, a batch at a time.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (claimed_at);
