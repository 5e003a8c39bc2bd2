-- Commits a renewal: writes only over the version the lease holder read, so a late writer never
-- overwrites a newer record. Asking again after a lost answer is safe.
-- KEYS[1] the session record, KEYS[2] the renewal lease
-- ARGV[1] the lease value, ARGV[2] its fence, ARGV[3] the version read, ARGV[4] the version to
-- write, ARGV[5] the state ("ok" or "needs_login"), ARGV[6] the tokens (JSON, empty without)
-- Returns {"committed"} or {"superseded", version, state, tokens}.
local record = redis.call('HMGET', KEYS[1], 'version', 'fence', 'state', 'tokens')
local version = tonumber(record[1])
if version == tonumber(ARGV[4]) and record[2] == ARGV[2] and record[3] == ARGV[5] then
  return {'committed'}
end
-- A missing record was lost (a restart without persistence): the holder's tokens restore it.
if version ~= nil and version ~= tonumber(ARGV[3]) then
  return {'superseded', tostring(version), record[3] or '', record[4] or ''}
end
redis.call('HSET', KEYS[1], 'version', ARGV[4], 'state', ARGV[5], 'tokens', ARGV[6], 'fence', ARGV[2])
-- A login still to come keeps the lease; tokens end the renewal.
if ARGV[5] == 'ok' and redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('DEL', KEYS[2])
end
return {'committed'}
