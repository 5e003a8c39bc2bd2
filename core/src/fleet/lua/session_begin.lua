-- Begins a renewal of one account's shared session.
-- KEYS[1] the session record (hash: version, state, tokens, fence)
-- KEYS[2] the renewal lease (string "<fence>:<holder>", expiring)
-- KEYS[3] the fencing counter
-- ARGV[1] the version the caller holds, ARGV[2] the caller's holder id, ARGV[3] lease milliseconds
-- Returns {"stale", version, state, tokens} when the record is newer than the caller's,
-- {"busy", version} while another holder has the lease, or
-- {"acquired", version, state, tokens, fence} with the lease now the caller's.
local record = redis.call('HMGET', KEYS[1], 'version', 'state', 'tokens', 'fence')
local version = tonumber(record[1]) or 0
local state = record[2] or ''
local tokens = record[3] or ''
if version > tonumber(ARGV[1]) then
  return {'stale', tostring(version), state, tokens}
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  return {'busy', tostring(version)}
end
-- After a restart the counter may be behind the record that survived: stay above it.
local fence = redis.call('INCR', KEYS[3])
local written = tonumber(record[4]) or 0
if fence <= written then
  fence = written + 1
  redis.call('SET', KEYS[3], fence)
end
redis.call('SET', KEYS[2], tostring(fence) .. ':' .. ARGV[2], 'PX', ARGV[3])
return {'acquired', tostring(version), state, tokens, tostring(fence)}
