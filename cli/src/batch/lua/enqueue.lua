-- Adds the next rows of a portfolio to its work queue, exactly once whoever calls: a row's
-- entry id is 0-<row number>, and rows are added only from where the queue stands.
-- KEYS[1] the rows stream, KEYS[2] the batch's meta hash
-- ARGV[1] the portfolio's row count, ARGV[2] the first row's index, ARGV[3..] the rows' keys
-- Returns the number of rows queued now, or -1 when the batch was started with another count.
redis.call('HSETNX', KEYS[2], 'total', ARGV[1])
if tonumber(redis.call('HGET', KEYS[2], 'total')) ~= tonumber(ARGV[1]) then
  return -1
end
local queued = tonumber(redis.call('HGET', KEYS[2], 'queued')) or 0
local first = tonumber(ARGV[2])
if queued ~= first then
  return queued
end
for i = 3, #ARGV do
  local row = first + i - 3
  redis.call('XADD', KEYS[1], '0-' .. (row + 1), 'row', row, 'key', ARGV[i])
end
queued = first + #ARGV - 2
redis.call('HSET', KEYS[2], 'queued', queued)
return queued
