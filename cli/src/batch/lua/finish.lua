-- Records a row's result (the first one wins) and acknowledges its queue entry.
-- KEYS[1] the rows stream, KEYS[2] the meta hash, KEYS[3] the results hash
-- ARGV[1] the consumer group, ARGV[2] the entry id, ARGV[3] the row key, ARGV[4] "ok" or
-- "failed", ARGV[5] the result (JSON), ARGV[6] the worker
-- Returns 1 when this result was recorded, 0 when the row already had one.
local recorded = redis.call('HSETNX', KEYS[3], ARGV[3], ARGV[5])
if recorded == 1 then
  redis.call('HINCRBY', KEYS[2], ARGV[4], 1)
  redis.call('HINCRBY', KEYS[2], 'quoted-by:' .. ARGV[6], 1)
end
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return recorded
