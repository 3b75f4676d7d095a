-- The relay holds an event back while an earlier event of its order is in trouble: failed at least once, or parked.
-- Such rows are next to none, so this index stays next to empty; each round reads it once (its predicate written as
-- constants in the query, so that a plan made for any bind values may use it too) and checks rows against that list.
--
-- It replaces outbox_order_position, through which the relay asked whether any earlier event of the order was still
-- in the table at all. The outbox swings from empty to tens of thousands of rows between two autovacuum runs; planned
-- on the statistics of the empty table, that question ran as a scan of the whole index for every candidate row, and
-- one round of the relay took 12 to 30 seconds at 50,000 waiting events (auto_explain in the benchmark's PostgreSQL).
CREATE INDEX outbox_troubled ON outbox (order_id, id) WHERE attempts > 0 OR parked_at IS NOT NULL;

-- Nothing else reads by order; one index fewer to write for every event stored and every event published.
DROP INDEX outbox_order_position;
