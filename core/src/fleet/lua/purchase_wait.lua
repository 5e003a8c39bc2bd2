-- Looks for the outcome of another worker's purchase.
-- KEYS[1] the purchase lock, KEYS[2] the outcome; ARGV[1] the holder being waited for
-- Returns {"settled", outcome}, {"busy"} while that holder still has the lock, or {"gone"}
-- when it let the lock go without an outcome (it stopped, or its lock expired).
local outcome = redis.call('GET', KEYS[2])
if outcome then
  local decoded = cjson.decode(outcome)
  if decoded.holder == ARGV[1] or decoded.status == 'purchased' then
    return {'settled', outcome}
  end
end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return {'busy'}
end
return {'gone'}
