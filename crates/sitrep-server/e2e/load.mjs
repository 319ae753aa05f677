// A bounded burst of API requests against `sitrep serve`: COUNT requests,
// CONCURRENCY at a time, over the list endpoints with assorted filters.
// Every answer must be 200 with a JSON body; prints latency percentiles
// and "N passed, M failed", exits 1 on any failure.
//
//   node load.mjs BASE_URL [COUNT] [CONCURRENCY]
const [base, countArg, concurrencyArg] = process.argv.slice(2);
const count = Number(countArg || 1000);
const concurrency = Number(concurrencyArg || 8);
const paths = [
  "/api/claims?limit=100",
  "/api/claims?side=PAK&category=killed",
  "/api/claims?since=2025-10&limit=50",
  "/api/events?limit=100",
  "/api/events?side=AFG&since=2025-10-01",
  "/api/events?type=ASSAULT&limit=20",
  "/api/documents?limit=20",
  "/api/places?limit=20",
  "/api/contested?since=2025-10-01&until=2025-10-31",
  "/api/stats",
];
let next = 0;
let ok = 0;
const failures = [];
const times = [];
async function worker() {
  for (;;) {
    const i = next++;
    if (i >= count) return;
    const path = paths[i % paths.length];
    const started = performance.now();
    try {
      const response = await fetch(base + path);
      const body = await response.json();
      times.push(performance.now() - started);
      if (response.status === 200 && body && typeof body === "object") ok++;
      else failures.push(`${path}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    } catch (e) {
      failures.push(`${path}: ${e.message}`);
    }
  }
}
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
times.sort((a, b) => a - b);
const pct = (p) => times.length ? times[Math.min(times.length - 1, Math.floor(times.length * p))].toFixed(1) : "-";
console.log(`load: ${count} requests, ${concurrency} at a time, ${seconds.toFixed(1)} s; p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${pct(1)} ms`);
for (const f of failures.slice(0, 10)) console.log(`FAIL ${f}`);
console.log(`${ok} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
