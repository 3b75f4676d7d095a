-- Claims the due entries of one shard of the deadline index for one worker.
--
-- KEYS[1]  the shard: a sorted set, score = deadline (epoch ms), member = order id (16 raw bytes)
-- ARGV[1]  now (epoch ms): entries scored at or before it are due
-- ARGV[2]  the most entries to claim
-- ARGV[3]  the end of the lease (epoch ms): the new score of every claimed entry
--
-- Guarantees, because Redis runs a script as one command with nothing in between:
--  * two workers never claim the same entry at once: the first pushes its score past now, so the second no longer
--    sees it as due;
--  * a claim is never lost: the entry stays in the set until the worker removes it (ZREM) after its database commit;
--    if the worker dies first, the entry is due again when the lease ends and any worker claims it then;
--  * ZADD XX only rescores, so an entry removed concurrently (by a payment's forget) is never brought back.
-- The caller's clock decides "now"; the database re-checks every deadline itself, so a skewed clock can only make a
-- claim early (the order goes back at its real deadline) or late, never wrong.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do
    redis.call('ZADD', KEYS[1], 'XX', ARGV[3], member)
end
return due
