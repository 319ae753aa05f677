// End-to-end test of the sitrep web page, as a person uses it: open the
// page served by `sitrep serve` (run.sh starts it on a ledger built from
// data/samples), check the map markers, the timeline and the contested
// figures table, narrow them with a filter, click a figure and read its
// sentence, reload the linked URL, and look at it on a phone-sized screen.
// Screenshots go to the artefacts directory.
//
//   node test.mjs BASE_URL ARTEFACTS_DIR
//
// Prints one line per check and "N passed, M failed"; exits 1 on failure.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error("usage: node test.mjs BASE_URL ARTEFACTS_DIR");
  process.exit(2);
}
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? `: ${detail}` : ""}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

/** Opens `url` in a new page and waits for the three views to load. */
async function open(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push(`request off the server: ${r.url()}`);
  });
  await page.goto(url);
  await page.waitForSelector("body[data-ready]", { timeout: 30000 });
  return { page, problems };
}

/** What the three views show now. */
async function views(page) {
  return page.evaluate(() => {
    const markers = [...document.querySelectorAll("#map .leaflet-marker-icon")];
    const singles = markers.filter((m) => m.classList.contains("ev-icon")).length;
    const clustered = markers
      .filter((m) => m.classList.contains("cluster"))
      .reduce((n, m) => n + Number(m.textContent.trim()), 0);
    const days = [...document.querySelectorAll("#timeline .day")].map((d) => d.dataset.day);
    const rows = [...document.querySelectorAll("#figures-body .vrow")].map((r) => r.innerText.replace(/\s+/g, " "));
    const count = (id) => document.getElementById(id).textContent;
    return {
      ready: document.body.dataset.ready, summary: document.getElementById("summary").textContent,
      placed: singles + clustered, singles, clusters: markers.length - singles, days, rows,
      rowCount: Number(document.getElementById("figures").getAttribute("aria-rowcount")) - 1,
      mapCount: count("map-count"),
    };
  });
}

const laptop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const { page, problems } = await open(laptop, base + "/");
const all = await views(page);
check("page loads without errors", all.ready === "true" && problems.length === 0, problems.join("; "));
check("markers show the placed events", all.placed >= 10, JSON.stringify(all));
check("map count agrees with markers", all.mapCount.startsWith(`(${all.placed} of `), `${all.mapCount} vs ${all.placed}`);
check("timeline shows days", all.days.length >= 8 && all.days.includes("2025-10-11") && all.days.includes("2025-05-08"), all.days.join(","));
check("table shows contested figures", all.rowCount >= 20 && all.rows.length > 0, `${all.rowCount} figures, ${all.rows.length} drawn`);
// Rows are drawn only when scrolled into view: scroll to find this one.
const afpak = await page.evaluate(async () => {
  const body = document.getElementById("figures-body");
  for (let top = 0; top <= body.scrollHeight; top += body.clientHeight / 2) {
    body.scrollTop = top;
    body.dispatchEvent(new Event("scroll"));
    await new Promise((r) => requestAnimationFrame(r));
    const row = [...body.querySelectorAll(".vrow")].find((r) => r.innerText.startsWith("killed PAK soldiers"));
    if (row) return row.innerText.replace(/\s+/g, " ");
  }
  return null;
});
check("table puts both claimants' figures side by side", !!afpak && afpak.includes("AFG 58") && afpak.includes("PAK 23"), afpak);
check("legend labels every type", (await page.locator("#legend li").count()) === 11);
await page.screenshot({ path: join(out, "laptop-all.png"), fullPage: true });

// A filter narrows all three views and goes into the URL.
await page.fill("#f-since", "2025-10-01");
await page.fill("#f-side", "pak");
await page.click("#filters button[type=submit]");
await page.waitForFunction(() => document.getElementById("summary").textContent.includes("side PAK"));
await page.waitForSelector("body[data-ready=true]");
const narrowed = await views(page);
check("filter is kept in the URL", page.url().includes("since=2025-10-01") && page.url().includes("side=PAK"), page.url());
check("filter narrows the markers", narrowed.placed > 0 && narrowed.placed < all.placed, `${narrowed.placed} < ${all.placed}`);
check("filter narrows the timeline", narrowed.days.length > 0 && narrowed.days.length < all.days.length && narrowed.days.every((d) => d >= "2025-10-01"), narrowed.days.join(","));
check("filter narrows the table", narrowed.rowCount > 0 && narrowed.rowCount < all.rowCount && narrowed.rows.every((r) => r.includes("PAK")), `${narrowed.rowCount} < ${all.rowCount}`);
await page.screenshot({ path: join(out, "laptop-filtered.png"), fullPage: true });

// Clicking a figure shows its sentence, highlighted in its article.
const chip = page.locator("#figures-body .vrow", { hasText: "killed PAK soldiers" }).locator("button.chip", { hasText: "AFG" }).first();
await chip.click();
await page.waitForSelector("#ev-mark");
const evidence = await page.evaluate(() => ({
  visible: !document.getElementById("evidence").hidden,
  mark: document.getElementById("ev-mark").textContent,
  meta: document.getElementById("ev-meta").textContent,
  quote: document.getElementById("ev-quote").textContent,
  focused: document.activeElement && document.activeElement.id,
}));
check("clicking a figure opens the evidence", evidence.visible && evidence.focused === "ev-close", JSON.stringify(evidence));
check("the sentence is highlighted in its article", evidence.mark.includes("58") && evidence.mark === evidence.quote, evidence.mark);
check("the evidence names outlet and date", evidence.meta.includes("Sample Wire") && evidence.meta.includes("2025-10-12"), evidence.meta);
await page.screenshot({ path: join(out, "laptop-evidence.png") });
await page.keyboard.press("Escape");
check("Escape closes the evidence and returns focus", await page.evaluate(() => document.getElementById("evidence").hidden && document.activeElement.classList.contains("chip")));

// A timeline day lists its events; an event opens its sentence.
await page.locator("#timeline .day[data-day='2025-10-11']").click();
const dayItems = await page.locator("#day-events button.item").count();
check("a timeline day lists its events", dayItems >= 2, String(dayItems));
await page.locator("#day-events button.item").first().click();
await page.waitForSelector("#ev-mark");
check("an event opens its sentence", (await page.textContent("#ev-what")).startsWith("ASSAULT"));
await page.keyboard.press("Escape");

// A single marker opens its sentence too.
const marker = page.locator("#map .leaflet-marker-icon.ev-icon").first();
if ((await marker.count()) > 0) {
  await marker.click();
  await page.waitForSelector("#ev-mark");
  check("a map marker opens its sentence", !(await page.isHidden("#evidence")));
  await page.keyboard.press("Escape");
} else {
  check("a map marker opens its sentence", false, "no single marker drawn");
}

// The URL is a link to the same view.
const linked = await open(laptop, page.url());
const again = await views(linked.page);
check("the linked URL restores the filters", (await linked.page.inputValue("#f-side")) === "PAK" && again.rowCount === narrowed.rowCount && again.days.length === narrowed.days.length);

// A bad filter is reported, naming the field.
const bad = await open(laptop, base + "/?since=2025-13-40");
const badText = await bad.page.textContent("#filter-error");
check("a bad filter is reported with its field", badText.includes("since"), badText);

// Phone-sized screen: no sideways scrolling, every view reachable.
const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
const small = await open(phone, base + "/?since=2025-10-01");
const fit = await small.page.evaluate(() => ({ width: document.documentElement.scrollWidth, rows: document.querySelectorAll("#figures-body .vrow").length }));
check("phone: no horizontal scrolling", fit.width <= 375, `scrollWidth ${fit.width}`);
check("phone: the table is drawn", fit.rows > 0);
await small.page.screenshot({ path: join(out, "phone.png"), fullPage: true });
await small.page.locator("#figures-body button.chip").first().tap();
await small.page.waitForSelector("#ev-mark");
await small.page.screenshot({ path: join(out, "phone-evidence.png") });
check("phone: tapping a figure shows its sentence", !(await small.page.isHidden("#evidence")));

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
