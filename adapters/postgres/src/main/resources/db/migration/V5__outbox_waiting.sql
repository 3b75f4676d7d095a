-- The relay reads the outbox in id order, skipping parked rows, and stops after one batch. Without this index the
-- planner has to guess how many rows are not parked; with statistics from when the outbox was nearly empty (it
-- fills in seconds during a wave of timeouts, long before autovacuum analyzes it) it guessed a handful, chose a
-- sequential scan of the whole outbox with a sort, and a round took over a second at 200,000 waiting rows. A walk of
-- this index reads only the batch, in order, whatever the statistics say.
CREATE INDEX outbox_waiting ON outbox (id) WHERE parked_at IS NULL;

-- [jooq ignore start]
-- Statistics after a fixed number of changed rows, like the vacuum thresholds in V3, rather than a fraction of a
-- table that is nearly empty most of the time.
ALTER TABLE outbox SET (autovacuum_analyze_scale_factor = 0.0, autovacuum_analyze_threshold = 1000);
-- [jooq ignore stop]
