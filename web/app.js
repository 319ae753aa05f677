// sitrep web page: a map of events, a timeline by day, and the contested
// figures table, all driven by one set of filters kept in the URL, and an
// evidence panel showing each item's sentence highlighted in its article.
//
// Plain JavaScript, no build step, no network beyond this server: the base
// map is the vendored Natural Earth country outlines (no tile server).
"use strict";

(function () {
  const FILTERS = ["since", "until", "side", "category", "place"];
  const EVENT_PAGE = 1000;
  const EVENT_CAP = 20000;
  const FIGURE_CAP = 5000;

  // Each event type: a two-letter label and a shape, so types read
  // without colour.
  const TYPES = {
    ASSAULT: ["AS", "circle"], THREATEN: ["TH", "diamond"], ACCUSE: ["AC", "square"],
    REJECT: ["RJ", "square"], REQUEST: ["RQ", "pill"], MEDIATE: ["MD", "pill"],
    CONSULT: ["CN", "pill"], AGREE: ["AG", "diamond"], COERCE: ["CO", "square"],
    AID: ["AI", "circle"], MOBILIZE: ["MO", "diamond"],
  };

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  };

  // ------------------------------------------------------------ filters

  function readFilters() {
    const params = new URLSearchParams(location.search);
    const f = {};
    for (const name of FILTERS) f[name] = (params.get(name) || "").trim();
    if (f.side) f.side = f.side.toUpperCase();
    return f;
  }

  function fillForm(f) {
    for (const name of FILTERS) $("f-" + name).value = f[name];
  }

  function formFilters() {
    const f = {};
    for (const name of FILTERS) f[name] = $("f-" + name).value.trim();
    if (f.side) f.side = f.side.toUpperCase();
    return f;
  }

  function query(pairs) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(pairs)) {
      if (v !== "" && v !== null && v !== undefined) params.set(k, v);
    }
    return params.toString();
  }

  function describe(f) {
    const parts = [];
    if (f.since || f.until) parts.push((f.since || "…") + " to " + (f.until || "…"));
    if (f.side) parts.push("side " + f.side);
    if (f.category) parts.push(f.category);
    if (f.place) parts.push("at " + f.place);
    return parts.length ? parts.join(", ") : "no filters";
  }

  // ---------------------------------------------------------------- API

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await response.json(); } catch (_) { /* not JSON */ }
    if (!response.ok) {
      const e = body && body.error;
      const err = new Error(e ? e.message : "HTTP " + response.status);
      err.field = e && e.field;
      throw err;
    }
    return body;
  }

  async function loadEvents(f) {
    const items = [];
    let offset = 0;
    let capped = false;
    for (;;) {
      const page = await api("api/events?" + query({
        since: f.since, until: f.until, side: f.side, place: f.place,
        limit: EVENT_PAGE, offset,
      }));
      items.push(...page.items);
      if (page.next_offset === null) break;
      if (items.length >= EVENT_CAP) { capped = true; break; }
      offset = page.next_offset;
    }
    return { items, capped };
  }

  async function loadFigures(f) {
    const items = [];
    let offset = 0;
    let capped = false;
    for (;;) {
      const page = await api("api/contested?" + query({
        since: f.since, until: f.until, side: f.side, category: f.category, place: f.place,
        limit: 1000, offset,
      }));
      items.push(...page.items);
      if (page.next_offset === null) break;
      if (items.length >= FIGURE_CAP) { capped = true; break; }
      offset = page.next_offset;
    }
    return { items, capped };
  }

  // ----------------------------------------------------------- evidence

  let returnFocus = null;

  function codePoints(text) { return Array.from(text || ""); }

  async function showEvidence(item, opener) {
    returnFocus = opener || document.activeElement;
    const panel = $("evidence");
    $("ev-what").textContent = item.what;
    $("ev-meta").textContent = [item.outlet || "unknown outlet", item.published ? "published " + item.published : "undated", "document " + item.document].join(" · ");
    $("ev-quote").textContent = item.quote || "";
    const article = $("ev-article");
    article.textContent = "Loading the article…";
    panel.hidden = false;
    $("ev-close").focus();
    try {
      const doc = await api("api/documents/" + encodeURIComponent(item.document));
      let start = item.start;
      let end = item.end;
      if (start === undefined && item.claimId) {
        const claims = await api("api/claims?" + query({ document: item.document, limit: 1000 }));
        const claim = claims.items.find((c) => c.id === item.claimId);
        if (claim) { start = claim.evidence.start; end = claim.evidence.end; }
      }
      const cps = codePoints(doc.text);
      article.textContent = "";
      if (doc.title) article.append(el("strong", { text: doc.title }), "\n\n");
      if (start === undefined || start > cps.length) {
        article.append(doc.text);
      } else {
        const mark = el("mark", { id: "ev-mark", text: cps.slice(start, end).join("") });
        article.append(cps.slice(0, start).join(""), mark, cps.slice(end).join(""));
        mark.scrollIntoView({ block: "center" });
      }
      if (doc.url) $("ev-meta").append(" · ", el("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank", text: "source" }));
    } catch (err) {
      article.textContent = "The article could not be loaded: " + err.message;
    }
  }

  function closeEvidence() {
    $("evidence").hidden = true;
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
  }

  function eventWhat(e) {
    const sides = (a) => (a && a.sides.length ? a.sides.join("/") : (a ? a.text : "—"));
    let what = e.type + (e.mode ? " (" + e.mode + ")" : "") + ": " + sides(e.actor1) + (e.actor2 ? " → " + sides(e.actor2) : "");
    if (e.places.length) what += " at " + e.places.map((p) => p.name).join(", ");
    if (e.negated) what += " — denied";
    return what;
  }

  function eventEvidence(e) {
    return {
      what: eventWhat(e) + (e.date ? ", " + e.date : ""), outlet: e.outlet, published: e.published,
      document: e.document, quote: e.evidence.quote, start: e.evidence.start, end: e.evidence.end,
    };
  }

  function eventIcon(e, small) {
    const [label, shape] = TYPES[e.type] || ["??", "circle"];
    return el("span", { class: "ev-icon shape-" + shape + " t-" + e.type + (e.negated ? " negated" : ""), "aria-hidden": "true" },
      el("span", { text: label }));
  }

  // ---------------------------------------------------------------- map

  let map = null;
  let cluster = null;

  async function initMap() {
    map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth");
    map.setView([30, 60], 3);
    try {
      const topo = await api("assets/vendor/world-atlas/countries-50m.json");
      const land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#7d8590", weight: 0.7, fillColor: "#f3f1ea", fillOpacity: 1 },
      }).addTo(map);
    } catch (err) {
      console.error("base map", err);
    }
    cluster = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      iconCreateFunction(c) {
        const n = c.getChildCount();
        const size = n < 10 ? 32 : n < 100 ? 38 : 46;
        return L.divIcon({
          html: "<span>" + n + "</span>",
          className: "cluster",
          iconSize: [size, size],
        });
      },
    });
    map.addLayer(cluster);
    // Cluster icons are redrawn on every zoom: name them each time.
    cluster.on("animationend", labelClusters);
    map.on("zoomend moveend", labelClusters);
    const legend = $("legend");
    for (const type of Object.keys(TYPES)) {
      legend.append(el("li", {}, eventIcon({ type }), type));
    }
  }

  function drawMap(events) {
    cluster.clearLayers();
    const markers = [];
    for (const e of events) {
      const place = e.places.find((p) => p.lat !== null && p.lon !== null && p.lat !== undefined);
      if (!place) continue;
      const [label, shape] = TYPES[e.type] || ["??", "circle"];
      const title = e.type + " at " + place.name + (e.date ? ", " + e.date : "") + (e.negated ? " (denied)" : "");
      const icon = L.divIcon({
        html: "<span>" + label + "</span>",
        className: "ev-icon shape-" + shape + " t-" + e.type + (e.negated ? " negated" : ""),
        iconSize: shape === "pill" ? [30, 26] : [26, 26],
      });
      const marker = L.marker([place.lat, place.lon], { icon, title, alt: title, keyboard: true, riseOnHover: true });
      marker.on("click", (ev) => showEvidence(eventEvidence(e), ev.target.getElement()));
      markers.push(marker);
    }
    cluster.addLayers(markers);
    $("map-count").textContent = "(" + markers.length + " of " + events.length + " events placed)";
    if (markers.length) {
      const bounds = L.latLngBounds(markers.map((m) => m.getLatLng()));
      map.fitBounds(bounds.pad(0.3), { maxZoom: 7 });
    }
    labelClusters();
    return markers.length;
  }

  function labelClusters() {
    for (const node of document.querySelectorAll("#map .cluster")) {
      const n = node.textContent.trim();
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", n + " events here; zoom in");
      node.setAttribute("title", n + " events here; zoom in");
    }
  }

  // ----------------------------------------------------------- timeline

  function eventDay(e) {
    if (e.date && e.date.length === 10) return e.date;
    return e.published || null;
  }

  function drawTimeline(events) {
    const byDay = new Map();
    let undated = 0;
    for (const e of events) {
      const day = eventDay(e);
      if (!day) { undated++; continue; }
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(e);
    }
    const days = [...byDay.keys()].sort();
    const max = Math.max(1, ...days.map((d) => byDay.get(d).length));
    const box = $("timeline");
    box.textContent = "";
    for (const day of days) {
      const list = byDay.get(day);
      const height = Math.max(4, Math.round((list.length / max) * 120));
      const button = el("button", {
        type: "button", class: "day", "aria-pressed": "false",
        "aria-label": day + ": " + list.length + " event" + (list.length === 1 ? "" : "s"),
        title: day + ": " + list.length, "data-day": day,
        onclick: () => selectDay(day, list, button),
      }, el("span", { class: "n", text: String(list.length) }), el("span", { class: "bar", style: "height:" + height + "px" }));
      box.append(button);
    }
    $("axis-first").textContent = days[0] || "";
    $("axis-last").textContent = days.length > 1 ? days[days.length - 1] : "";
    $("timeline-count").textContent = "(" + days.length + " days" + (undated ? ", " + undated + " undated events" : "") + ")";
    $("day-events").textContent = "";
    $("day-title").textContent = days.length ? "Choose a day above." : "No dated events match the filters.";
    if (days.length) {
      const last = box.lastElementChild;
      last.scrollIntoView({ block: "nearest", inline: "end" });
    }
  }

  function selectDay(day, list, button) {
    for (const b of document.querySelectorAll("#timeline .day")) b.setAttribute("aria-pressed", "false");
    button.setAttribute("aria-pressed", "true");
    $("day-title").textContent = day + ": " + list.length + " event" + (list.length === 1 ? "" : "s");
    const ul = $("day-events");
    ul.textContent = "";
    for (const e of list.slice(0, 500)) {
      const item = el("button", { type: "button", class: "item", onclick: (ev) => showEvidence(eventEvidence(e), ev.currentTarget) },
        eventIcon(e, true), el("span", { text: eventWhat(e) + " — " + (e.outlet || e.document) }));
      ul.append(el("li", {}, item));
    }
    if (list.length > 500) ul.append(el("li", { class: "hint", text: "… and " + (list.length - 500) + " more; narrow the filters." }));
  }

  // -------------------------------------------------- contested figures

  const num = (n) => Number(n).toLocaleString("en-US");

  let figures = [];
  let rowHeight = 64;

  function figureRow(f, index) {
    const subject = (f.subject.side || "unknown side") + " " + f.subject.kind;
    const date = f.date.from ? (f.date.from === f.date.to ? f.date.from : f.date.from + " – " + f.date.to) : "undated";
    const claims = el("span", { class: "c-claims", role: "cell" });
    for (const fig of f.figures) {
      const who = fig.claimant.side || (fig.claimant.text ? "source" : "article");
      const value = fig.n_max !== null && fig.n_max !== fig.n ? num(fig.n) + "–" + num(fig.n_max) : num(fig.n);
      const denied = fig.stance === "denied";
      const label = who + ": " + (denied ? "denies " : "") + value + (fig.claimant.text ? " (" + fig.claimant.text + ")" : "");
      claims.append(el("button", {
        type: "button", class: "chip" + (denied ? " denied" : ""), title: label, "aria-label": label + "; show the sentence",
        onclick: (ev) => showEvidence({
          what: f.category + " " + subject + ": " + label, outlet: (fig.outlets || [])[0], published: fig.last_seen,
          document: fig.document_id, quote: fig.quote, claimId: fig.claim_id,
        }, ev.currentTarget),
      }, who + " ", el("b", { text: (denied ? "≠" : "") + value })));
    }
    const range = f.low === null ? "—" : f.low === f.high ? num(f.low) : num(f.low) + "–" + num(f.high);
    const spread = f.spread === null ? "—" : f.spread.toFixed(1) + "×";
    const row = el("div", { class: "vrow", role: "row", "aria-rowindex": String(index + 2), style: "top:" + index * rowHeight + "px" },
      el("span", { class: "c-what", role: "cell" }, f.category + " " + subject,
        el("small", { text: f.scope + (f.place ? " · " + f.place : "") + (f.flags.length ? " · " + f.flags.join(", ") : "") })),
      el("span", { class: "c-date", role: "cell", text: date }),
      claims,
      el("span", { class: "c-range", role: "cell", text: range }),
      el("span", { class: "c-spread", role: "cell", text: spread }));
    return row;
  }

  let drawn = new Map();

  function renderVisible() {
    const body = $("figures-body");
    const first = Math.max(0, Math.floor(body.scrollTop / rowHeight) - 5);
    const last = Math.min(figures.length, Math.ceil((body.scrollTop + body.clientHeight) / rowHeight) + 5);
    for (const [i, node] of drawn) {
      if (i < first || i >= last) {
        if (!node.contains(document.activeElement)) { node.remove(); drawn.delete(i); }
      }
    }
    for (let i = first; i < last; i++) {
      if (!drawn.has(i)) {
        const node = figureRow(figures[i], i);
        body.append(node);
        drawn.set(i, node);
      }
    }
  }

  function drawTable(items) {
    figures = items;
    const body = $("figures-body");
    for (const node of drawn.values()) node.remove();
    drawn = new Map();
    rowHeight = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--row")) || 64;
    $("figures-spacer").style.height = figures.length * rowHeight + "px";
    $("figures").setAttribute("aria-rowcount", String(figures.length + 1));
    body.scrollTop = 0;
    $("table-count").textContent = "(" + figures.length + ")";
    renderVisible();
  }

  // --------------------------------------------------------------- main

  let generation = 0;

  async function refresh() {
    const f = readFilters();
    fillForm(f);
    const mine = ++generation;
    $("summary").textContent = "Loading (" + describe(f) + ")…";
    $("filter-error").hidden = true;
    try {
      const [events, figs] = await Promise.all([loadEvents(f), loadFigures(f)]);
      if (mine !== generation) return;
      const placed = drawMap(events.items);
      drawTimeline(events.items);
      drawTable(figs.items);
      fillLists(events.items);
      $("summary").textContent = events.items.length + " events (" + placed + " on the map) · " + figs.items.length +
        " contested figures · " + describe(f) + (events.capped || figs.capped ? " · showing the first results only: narrow the filters" : "");
      document.body.dataset.ready = "true";
    } catch (err) {
      if (mine !== generation) return;
      $("summary").textContent = "Could not load: " + err.message;
      const box = $("filter-error");
      box.textContent = err.message;
      box.hidden = false;
      if (err.field && $("f-" + err.field)) $("f-" + err.field).focus();
      document.body.dataset.ready = "error";
    }
  }

  function fillLists(events) {
    const sides = new Set();
    const places = new Set();
    for (const e of events) {
      for (const a of [e.actor1, e.actor2]) if (a) for (const s of a.sides) sides.add(s);
      for (const p of e.places) places.add(p.name);
    }
    const fill = (id, values) => {
      const list = $(id);
      list.textContent = "";
      for (const v of [...values].sort().slice(0, 300)) list.append(el("option", { value: v }));
    };
    fill("sides", sides);
    fill("places", places);
  }

  function apply(f) {
    const q = query(f);
    const url = location.pathname + (q ? "?" + q : "") + location.hash;
    history.pushState(null, "", url);
    refresh();
  }

  document.addEventListener("DOMContentLoaded", async () => {
    $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); apply(formFilters()); });
    $("f-clear").addEventListener("click", () => { fillForm({ since: "", until: "", side: "", category: "", place: "" }); apply(formFilters()); });
    $("ev-close").addEventListener("click", closeEvidence);
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && !$("evidence").hidden) closeEvidence(); });
    $("figures-body").addEventListener("scroll", renderVisible, { passive: true });
    window.addEventListener("resize", () => { if (figures.length) drawTable(figures); });
    window.addEventListener("popstate", refresh);
    await initMap();
    refresh();
  });
})();
