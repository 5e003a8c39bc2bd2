-- The server asked to wait (429 with Retry-After): no worker's next slot comes before then.
-- KEYS[1] the theoretical arrival time, ARGV[1] the wait, ARGV[2] the burst tolerance
-- (microseconds).
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000000 + tonumber(now_parts[2])
local until_tat = now + tonumber(ARGV[1]) + tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or 0
if tat < until_tat then
  redis.call('SET', KEYS[1], string.format('%.0f', until_tat), 'PX', math.floor((until_tat - now) / 1000) + 1000)
end
return 1
