-- Claims the purchase of one proposal product for one worker.
-- KEYS[1] the purchase lock ("<holder>", expiring), KEYS[2] the outcome of the last purchase
-- (JSON with holder and status)
-- ARGV[1] the caller's holder id, ARGV[2] lock milliseconds
-- Returns {"settled", outcome} when the product was already bought, {"won"} with the lock now
-- the caller's, or {"busy", holder} while another worker is buying it.
local outcome = redis.call('GET', KEYS[2])
if outcome and cjson.decode(outcome).status == 'purchased' then
  return {'settled', outcome}
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {'won'}
end
return {'busy', redis.call('GET', KEYS[1]) or ''}
