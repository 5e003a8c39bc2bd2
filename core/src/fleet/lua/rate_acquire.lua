-- Reserves the next slot of a rate budget (GCRA). Every worker shares the one key, so together
-- they stay under the limit; the reply says how long the caller waits before sending.
-- KEYS[1] the theoretical arrival time of the next request (microseconds, Redis clock)
-- ARGV[1] the interval between requests, ARGV[2] the burst tolerance, ARGV[3] the longest wait
-- (all microseconds). Returns {1, wait} with the slot reserved, or {0, wait} when the wait would
-- be longer than allowed (nothing reserved).
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000000 + tonumber(now_parts[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then
  tat = now
end
local wait = tat - tonumber(ARGV[2]) - now
if wait < 0 then
  wait = 0
end
if wait > tonumber(ARGV[3]) then
  return {0, wait}
end
local next_tat = tat + tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.0f', next_tat), 'PX', math.floor((next_tat - now) / 1000) + 1000)
return {1, wait}
