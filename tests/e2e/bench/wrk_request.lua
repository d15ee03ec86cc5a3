-- wrk script for scripts/bench server: a GET (no BENCH_BODY) or a POST of
-- BENCH_BODY with BENCH_TOKEN as its bearer token; at the end one line
-- "wrk-json: {...}" with requests/s and latency percentiles (microseconds).
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "")
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'wrk-json: {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_us":%d,"p99_us":%d,"max_us":%d,"errors":%d,"non2xx":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
