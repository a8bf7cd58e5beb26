-- wrk script: every request gets its own decision date, as real parents' addresses do.
-- BENCH_PATH is the address with {date} in it; dates run from BENCH_FIRST over BENCH_DATES days.
local template = os.getenv("BENCH_PATH")
local span = tonumber(os.getenv("BENCH_DATES"))
local y, m, d = os.getenv("BENCH_FIRST"):match("(%d+)-(%d+)-(%d+)")
local start = os.time({ year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12 })
local threads = 0
local n = 0

function setup(thread)
  -- Threads take turns through the dates (0, 2, 4… and 1, 3, 5…), so no two ask the same.
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  n = offset
end

function request()
  n = n + 2
  local day = os.date("!%Y-%m-%d", start + (n % span) * 86400)
  return wrk.format("GET", (template:gsub("{date}", day)))
end
