-- wrk script of bench/run.mjs. Environment:
--   BENCH_MODE=cancel  GET /v1/message-cancel?apiKey=BENCH_KEY&messageId=<id>, ids cycling
--                      over BENCH_FIRST_ID .. BENCH_FIRST_ID+BENCH_IDS-1 (requests built once, in init)
--   BENCH_MODE=send    POST /v1/send, the JSON body in BENCH_BODY
--   BENCH_MODE=status  GET /v1/message-status?apiKey=BENCH_KEY&messageId=<id>&phoneNumber=%2B33600000000,
--                      BENCH_IDS ids from BENCH_FIRST_ID, BENCH_STRIDE apart (default 1)
--   BENCH_MODE=contacts GET /v1/contact/list?apiKey=BENCH_KEY&groupId=BENCH_GROUP&page=<p>, pages
--                      cycling over 1 .. BENCH_PAGES (requests built once, in init)
-- done() prints one JSON line (latencies in microseconds).
local mode = os.getenv("BENCH_MODE") or "cancel"
local key = os.getenv("BENCH_KEY") or "bench-key"
local first = tonumber(os.getenv("BENCH_FIRST_ID") or "1000")
local count = tonumber(os.getenv("BENCH_IDS") or "1000")
local stride = tonumber(os.getenv("BENCH_STRIDE") or "1")
local group = os.getenv("BENCH_GROUP") or "6363"
local pages = tonumber(os.getenv("BENCH_PAGES") or "5000")

local requests = {}
local index = 0

if mode == "send" then
  wrk.method = "POST"
  wrk.body = os.getenv("BENCH_BODY")
  wrk.headers["Content-Type"] = "application/json"
end

function init(args)
  if mode == "cancel" then
    for i = 0, count - 1 do
      requests[i + 1] = wrk.format("GET", "/v1/message-cancel?apiKey=" .. key .. "&messageId=" .. (first + i * stride))
    end
  elseif mode == "status" then
    for i = 0, count - 1 do
      requests[i + 1] = wrk.format("GET", "/v1/message-status?apiKey=" .. key .. "&messageId=" .. (first + i * stride) .. "&phoneNumber=%2B33600000000")
    end
  elseif mode == "contacts" then
    for p = 1, pages do
      requests[p] = wrk.format("GET", "/v1/contact/list?apiKey=" .. key .. "&groupId=" .. group .. "&page=" .. p)
    end
    count = pages
  end
end

if mode == "cancel" or mode == "status" or mode == "contacts" then
  request = function()
    index = index % count + 1
    return requests[index]
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
