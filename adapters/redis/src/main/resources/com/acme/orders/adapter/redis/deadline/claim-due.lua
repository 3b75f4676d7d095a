-- Claims the due entries of one shard of the deadline index for one worker.
--
-- KEYS[1]  the shard's bucket index: a sorted set, member = a bucket's key, score = at most the earliest deadline in
--          that bucket (epoch ms); every non-empty bucket is in it
-- ARGV[1]  now (epoch ms): entries scored at or before it are due
-- ARGV[2]  the most entries to claim
-- ARGV[3]  the end of the lease (epoch ms): the new score of every claimed entry
--
-- The buckets are sorted sets too (score = deadline, member = order id's 16 raw bytes), named from the shard's hash
-- tag, so on Redis Cluster they share the slot of KEYS[1] and this script reaches them on the node it runs on.
--
-- Guarantees, because Redis runs a script as one command with nothing in between:
--  * two workers never claim the same entry at once: the first pushes its score past now, so the second no longer
--    sees it as due;
--  * a claim is never lost: the entry stays in its bucket until the worker removes it (ZREM) after its database
--    commit; if the worker dies first, the entry is due again when the lease ends, and so is its bucket, because the
--    bucket's score is set to its new earliest entry, claimed ones included;
--  * no due entry is skipped: a bucket's score only ever errs low (a removed or re-tracked entry may leave it early),
--    and a bucket visited here leaves with its score exact, or leaves the index once empty;
--  * ZADD XX only rescores, so an entry is never brought back.
-- The caller's clock decides "now"; the database re-checks every deadline itself, so a skewed clock can only make a
-- claim early (the order goes back at its real deadline) or late, never wrong.
local limit = tonumber(ARGV[2])
-- Keeps every unpack() below Lua's limit on the arguments of one call.
local most_per_call = 1000
local claimed = {}
local visited = {}

-- Claims the due entries of one bucket, up to the limit, and returns the bucket's new earliest score, or nil when the
-- bucket is empty.
local function claim_from(bucket)
    local due = redis.call('ZRANGEBYSCORE', bucket, '-inf', ARGV[1], 'LIMIT', 0,
        math.min(limit - #claimed, most_per_call))
    if #due > 0 then
        local rescore = {}
        for _, member in ipairs(due) do
            rescore[#rescore + 1] = ARGV[3]
            rescore[#rescore + 1] = member
            claimed[#claimed + 1] = member
        end
        redis.call('ZADD', bucket, 'XX', unpack(rescore))
    end
    local earliest = redis.call('ZRANGE', bucket, 0, 0, 'WITHSCORES')
    return earliest[2]
end

while #claimed < limit do
    local buckets = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0,
        math.min(limit - #claimed, most_per_call))
    local rescored = {}
    local emptied = {}
    for _, bucket in ipairs(buckets) do
        if not visited[bucket] and #claimed < limit then
            visited[bucket] = true
            local earliest = claim_from(bucket)
            if earliest == nil then
                emptied[#emptied + 1] = bucket
            else
                rescored[#rescored + 1] = earliest
                rescored[#rescored + 1] = bucket
            end
        end
    end
    -- The new scores of the page's buckets in one call, before the next page is read.
    if #rescored > 0 then
        redis.call('ZADD', KEYS[1], unpack(rescored))
    end
    if #emptied > 0 then
        redis.call('ZREM', KEYS[1], unpack(emptied))
    end
    -- A page of buckets whose scores erred low yields nothing: look at the next page, until no due bucket is left.
    if #rescored + #emptied == 0 then
        break
    end
end
return claimed
