-- Tracks orders in one shard of the deadline index: each goes into its bucket at its deadline, and the bucket's score
-- in the shard's bucket index is lowered to that deadline if it is earlier, in the same step, so that the claim script
-- never sees a bucket scored later than an entry it holds.
--
-- KEYS[1]  the shard's bucket index (see claim-due.lua)
-- ARGV     triples: bucket key (same hash tag as KEYS[1]), deadline (epoch ms), order id (16 raw bytes)
--
-- Tracking an order again only moves its entry (one bucket per order, from its id); a later deadline leaves the bucket's
-- score low, which the next claim that visits the bucket corrects.
for i = 1, #ARGV, 3 do
    redis.call('ZADD', ARGV[i], ARGV[i + 1], ARGV[i + 2])
    redis.call('ZADD', KEYS[1], 'LT', ARGV[i + 1], ARGV[i])
end
return #ARGV / 3
