-- Records how a purchase ended and frees its lock.
-- KEYS[1] the purchase lock, KEYS[2] the outcome
-- ARGV[1] the holder id, ARGV[2] the outcome (JSON), ARGV[3] how long it is kept (milliseconds)
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
return 1
