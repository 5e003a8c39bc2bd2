-- Writes tokens as the next version whatever the record holds (a store's plain `save`).
-- KEYS[1] the session record, ARGV[1] the tokens (JSON)
local version = (tonumber(redis.call('HGET', KEYS[1], 'version')) or 0) + 1
redis.call('HSET', KEYS[1], 'version', version, 'state', 'ok', 'tokens', ARGV[1], 'fence', '0')
return version
