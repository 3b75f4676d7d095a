-- Removes orders from one shard of the deadline index.
--
-- KEYS[1]  the shard's bucket index (see claim-due.lua); only routes the script to the shard's node
-- ARGV     pairs: bucket key (same hash tag as KEYS[1]), order id (16 raw bytes)
--
-- Leaves the bucket index alone, which keeps this at one call per order: a removed entry that was its bucket's earliest
-- leaves the bucket's score low, and a bucket left empty stays in the index, until the next claim that reaches the
-- bucket corrects the score or drops the bucket.
local removed = 0
for i = 1, #ARGV, 2 do
    removed = removed + redis.call('ZREM', ARGV[i], ARGV[i + 1])
end
return removed
