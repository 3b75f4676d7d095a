-- Counts the entries of one shard of the deadline index, claimed ones included: every non-empty bucket is in the
-- shard's bucket index (KEYS[1], see claim-due.lua), so its buckets are all there is to count.
local count = 0
for _, bucket in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
    count = count + redis.call('ZCARD', bucket)
end
return count
