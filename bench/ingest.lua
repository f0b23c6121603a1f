-- wrk script of the ingest scenario: every request POSTs the same 300-byte JSON event, and the
-- results are printed as "BENCH <key> <value>" lines for bench/run.sh.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local head = '{"order_id":1,"customer":"cus_bench","note":"'
local tail = '"}'
wrk.body = head .. string.rep("x", 300 - #head - #tail) .. tail

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  -- Only answered-with-success requests count toward the rate; every failure is reported.
  io.write(string.format("BENCH rps %.3f\n", (summary.requests - e.status) / seconds))
  io.write(string.format("BENCH p50_ms %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("BENCH p99_ms %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("BENCH errors %d\n", e.connect + e.read + e.write + e.status + e.timeout))
  io.write(string.format("BENCH requests %d\n", summary.requests))
end
