-- Queues failed rows again, each once however many workers ask.
-- KEYS[1] the rows stream, KEYS[2] the meta hash, KEYS[3] the results hash
-- ARGV pairs: a row key, then its index. Returns how many rows were queued again.
local requeued = 0
for i = 1, #ARGV, 2 do
  local result = redis.call('HGET', KEYS[3], ARGV[i])
  if result and cjson.decode(result).status == 'failed' then
    redis.call('HDEL', KEYS[3], ARGV[i])
    redis.call('HINCRBY', KEYS[2], 'failed', -1)
    redis.call('XADD', KEYS[1], '*', 'row', ARGV[i + 1], 'key', ARGV[i])
    requeued = requeued + 1
  end
end
return requeued
