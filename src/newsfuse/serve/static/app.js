// newsfuse web page: stories, search and cited briefs over the HTTP API (/api).
// Plain DOM, no build step. Text from the archive is only ever set as text nodes,
// never parsed as HTML. Routes live in the URL hash: #story/ID, #search/WORDS.
"use strict";

const PAGE = 50;
const $ = (sel) => document.querySelector(sel);
const state = { offset: 0, query: null, current: null, words: 120 };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

// Only http(s) links: a source's `javascript:` or `data:` URL is shown as text, never
// made a live link (the Content-Security-Policy stops scripts too; this stops the click).
const webUrl = (url) => (typeof url === "string" && /^https?:\/\//i.test(url) ? url : null);

function sourceLink(url, text, fallback) {
  const safe = webUrl(url);
  if (safe) return el("a", { href: safe, rel: "noopener noreferrer", target: "_blank" }, text || safe);
  return text || url || fallback;
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body && body.error;
    const detail = body && body.detail;
    throw new Error(error ? `${error.code}: ${error.message}` : `HTTP ${response.status}${detail ? ": " + JSON.stringify(detail) : ""}`);
  }
  return body;
}

function status(text, isError = false) {
  const node = $("#status");
  node.textContent = text;
  node.classList.toggle("error", isError);
}

function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

function dates(story) {
  if (!story.first_date) return null;
  return story.first_date === story.last_date ? story.first_date : `${story.first_date} – ${story.last_date}`;
}

function storyMeta(story) {
  const parts = [plural(story.articles.length + story.duplicates.length, "article")];
  if (story.outlets.length) parts.push(story.outlets.slice(0, 4).join(", ") + (story.outlets.length > 4 ? ", …" : ""));
  const span = dates(story);
  if (span) parts.push(span);
  return parts.join(" · ");
}

// A search snippet marks matched words with **; they become <mark> elements.
function snippet(text) {
  return text.split("**").map((part, i) => (i % 2 ? el("mark", {}, part) : part));
}

function storyItem(story, hit) {
  const link = el("button", { class: "story-link", type: "button", "data-id": story.id,
    onclick: () => { location.hash = `story/${encodeURIComponent(story.id)}`; } },
    el("span", { class: "headline" }, story.headline || "(untitled)"),
    el("span", { class: "meta" }, storyMeta(story)),
    hit ? el("span", { class: "snippet" }, snippet(hit.matches[0].snippet)) : null);
  if (story.id === state.current) link.setAttribute("aria-current", "true");
  return el("li", {}, link);
}

async function loadStories(append = false) {
  state.offset = append ? state.offset + PAGE : 0;
  const sort = $("#sort").value;
  const page = await api(`/api/stories?sort=${sort}&limit=${PAGE}&offset=${state.offset}`);
  const list = $("#stories");
  if (!append) list.replaceChildren();
  list.append(...page.stories.map((s) => storyItem(s)));
  $("#list-title").textContent = `Stories (${page.total})`;
  $("#more").hidden = state.offset + PAGE >= page.total;
  $("#clear-search").hidden = true;
  $("#sort").parentElement.hidden = false;
  if (!page.total) status("The archive is empty: add articles with the button above or `newsfuse ingest`.");
}

async function runSearch(query) {
  state.query = query;
  $("#q").value = query;
  status(`Searching for ${query} …`);
  const found = await api(`/api/search?q=${encodeURIComponent(query)}&limit=50`);
  $("#stories").replaceChildren(...found.stories.map((hit) => storyItem(hit, hit)));
  $("#list-title").textContent = `${plural(found.stories.length, "story")} matching`;
  $("#more").hidden = true;
  $("#clear-search").hidden = false;
  $("#sort").parentElement.hidden = true;
  status(found.stories.length ? "" : `No story matches ${query}.`);
}

function citeLink(citation, support) {
  return el("a", { class: support ? "cite support" : "cite", href: `#src-${citation.number}`,
    title: support ? "also reported by this source" : "sentence taken from this source",
    "data-source": String(citation.number),
    onclick: (event) => { event.preventDefault(); flashSource(citation.number); } },
  `[${citation.number}]`);
}

function flashSource(number) {
  const item = document.getElementById(`src-${number}`);
  if (!item) return;
  item.scrollIntoView({ block: "center", behavior: "smooth" });
  item.classList.add("flash");
  setTimeout(() => item.classList.remove("flash"), 50);
}

function cites(citations) { return citations.map((c) => citeLink(c, false)); }

function briefParagraphs(brief) {
  return brief.sentences.map((s) =>
    el("p", { class: "sentence" }, s.text, " ", citeLink(s.source, false), s.support.map((c) => citeLink(c, true))));
}

function sourceList(brief) {
  return el("ol", { id: "sources" }, brief.sources.map((src) => el("li", { id: `src-${src.number}` },
    el("strong", {}, src.outlet || "unknown outlet"), " — ",
    sourceLink(src.url, src.title, src.source),
    src.date ? ` (${src.date})` : "")));
}

function section(title, ...content) {
  return [el("h2", { class: "section" }, title), ...content];
}

const KINDS = [["person", "People"], ["organization", "Organisations"], ["place", "Places"],
  ["equipment", "Equipment"], ["group", "Groups"], ["event", "Events"], ["other", "Other"]];

function entitySection(entities) {
  const groups = KINDS.map(([kind, label]) => {
    const members = entities.filter((e) => e.kind === kind);
    if (!members.length) return null;
    return [el("p", { class: "kind" }, label), el("ul", { class: "entities" }, members.map((e) =>
      el("li", { title: e.aliases.join(" · ") }, e.name, el("span", { class: "count" }, `×${e.mentions}`))))];
  });
  return section("Who and what is involved", groups.filter(Boolean));
}

function quoteSection(quotes) {
  return section("Quotes", quotes.map((q) => el("blockquote", {},
    el("p", {}, `“${q.text}”`, " ", cites(q.citations)),
    el("footer", {}, `— ${q.speaker || "speaker not identified"}${q.channel ? ", " + q.channel : ""}`))));
}

function itemList(items, render) { return el("ul", { class: "items" }, items.map((x) => el("li", {}, render(x)))); }

const COMPARISON = { single_source: "only one source", conflict: "sources disagree", number_mismatch: "different numbers", name_mismatch: "different names", in_article: "within one report" };

function analysisSections(a) {
  const parts = [];
  if (a.entities.length) parts.push(...entitySection(a.entities));
  if (a.quotes.length) parts.push(...quoteSection(a.quotes));
  if (a.claims.length) parts.push(...section("Attributed claims", itemList(a.claims, (c) =>
    [el("strong", {}, c.source), ` ${c.verb}: ${c.claim} `, citeLink(c.citation, false)])));
  if (a.quantities.length) parts.push(...section("Numbers", itemList(a.quantities, (n) =>
    [n.text, " ", citeLink(n.citation, false)])));
  if (a.timeline.length) parts.push(...section("Timeline", itemList(a.timeline, (t) =>
    [el("span", { class: "date", title: `${t.precision}, from “${t.expression}”` }, t.date), t.text, " ", citeLink(t.citation, false)])));
  if (a.comparisons.length) parts.push(...section("Where sources differ", itemList(a.comparisons, (c) =>
    [el("span", { class: "tag" }, COMPARISON[c.kind] || c.kind), c.summary, " ", cites(c.citations)])));
  return parts.flat(Infinity);
}

function download(brief) {
  const blob = new Blob([brief.markdown], { type: "text/markdown" });
  return el("a", { href: URL.createObjectURL(blob), download: `${brief.story_id}.md` }, "Markdown");
}

function wordsSelect() {
  const select = el("select", { id: "words", onchange: () => { state.words = Number(select.value); showStory(state.current); } },
    [60, 120, 250, 400].map((n) => el("option", { value: String(n) }, `${n} words`)));
  select.value = String(state.words);
  return el("label", {}, "Length ", select);
}

function renderStory(brief, analysis) {
  const view = $("#story");
  const meta = [plural(brief.sources.length, "source"), dates(brief), `${brief.word_count} words`].filter(Boolean).join(" · ");
  view.replaceChildren(
    el("h1", {}, brief.headline),
    el("p", { class: "story-meta" }, meta),
    el("div", { class: "tools" }, wordsSelect(), download(brief),
      el("a", { href: `/api/stories/${encodeURIComponent(brief.story_id)}/brief?analysis=true&words=${state.words}` }, "JSON")),
    el("div", { id: "brief", class: "brief" }, briefParagraphs(brief)),
    el("div", { id: "analysis" }, analysis ? analysisSections(analysis) : el("p", { class: "placeholder" }, "Analysing quotes, claims, numbers and timeline …")),
    ...section("Sources", sourceList(brief)));
}

// Every article of the story, near-copies (syndicated or re-posted) under their original.
function memberList(detail) {
  const byId = new Map(detail.members.map((m) => [m.id, m]));
  const label = (m) => [m.outlet || "unknown outlet", m.date].filter(Boolean).join(", ");
  const item = (m) => el("li", { "data-id": m.id },
    sourceLink(m.url, m.title, m.source),
    ` — ${label(m)}`,
    m.duplicate_of && byId.has(m.duplicate_of) ? el("span", { class: "tag" }, `copy of “${byId.get(m.duplicate_of).title || m.duplicate_of}”`) : null);
  return el("ol", { id: "members", class: "items" }, detail.members.map(item));
}

async function showStory(id) {
  state.current = id;
  for (const link of document.querySelectorAll(".story-link")) {
    link.setAttribute("aria-current", String(link.dataset.id === id));
  }
  const base = `/api/stories/${encodeURIComponent(id)}/brief?words=${state.words}`;
  status("");
  const brief = await api(base);
  if (state.current !== id) return;
  renderStory(brief, null);
  const detail = await api(`/api/stories/${encodeURIComponent(id)}`);
  if (state.current !== id) return;
  $("#story").append(...section(`All ${plural(detail.members.length, "article")}`, memberList(detail)));
  const full = await api(`${base}&analysis=true`);
  if (state.current !== id) return;
  $("#analysis").replaceChildren(...analysisSections(full.analysis));
}

function reportText(report) {
  const lines = [report.summary];
  for (const f of report.failures) lines.push(`failed: ${f.source}: ${f.code} ${f.message}`);
  return lines.join("\n");
}

function writeHeaders(type) {
  const token = $("#token").value.trim();
  return token ? { "Content-Type": type, Authorization: `Bearer ${token}` } : { "Content-Type": type };
}

async function upload(event) {
  event.preventDefault();
  const files = [...$("#files").files];
  const lines = [];
  for (const file of files) {
    const report = await api(`/api/articles?name=${encodeURIComponent(file.name)}`, {
      method: "POST", body: file, headers: writeHeaders(file.type || "application/octet-stream") });
    lines.push(`${file.name}: ${reportText(report)}`);
  }
  $("#add-report").textContent = lines.join("\n");
  await loadStories();
}

async function fetchUrls(event) {
  event.preventDefault();
  const urls = $("#urls").value.split(/\s+/).filter(Boolean);
  if (!urls.length) return;
  $("#add-report").textContent = "Fetching …";
  const report = await api("/api/fetch", { method: "POST", headers: writeHeaders("application/json"),
    body: JSON.stringify({ urls }) });
  $("#add-report").textContent = reportText(report);
  await loadStories();
}

// A server started with --follow polls feeds itself; say which, and its last poll.
async function showFollowing() {
  const info = await api("/api");
  const node = $("#following");
  if (!info.following) return;
  const last = info.following.last_poll ? ` Last poll: ${info.following.last_poll}` : " First poll under way.";
  node.textContent = `Following ${plural(info.following.urls.length, "feed")}.${last}`;
  if (node.hidden) setInterval(guard(showFollowing), 5000);  // polls go on: keep it current
  node.hidden = false;
}

async function route() {
  const [kind, ...rest] = location.hash.slice(1).split("/");
  const arg = decodeURIComponent(rest.join("/"));
  if (kind === "story" && arg) await showStory(arg);
  else if (kind === "search" && arg) await runSearch(arg);
}

function guard(fn) {
  return (...args) => fn(...args).catch((error) => status(error.message, true));
}

document.addEventListener("DOMContentLoaded", () => {
  $("#search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const query = $("#q").value.trim();
    if (query) location.hash = `search/${encodeURIComponent(query)}`;
  });
  $("#clear-search").addEventListener("click", guard(async () => { state.query = null; $("#q").value = ""; await loadStories(); }));
  $("#sort").addEventListener("change", guard(() => loadStories()));
  $("#more").addEventListener("click", guard(() => loadStories(true)));
  $("#add-toggle").addEventListener("click", () => {
    const panel = $("#add");
    panel.hidden = !panel.hidden;
    $("#add-toggle").setAttribute("aria-expanded", String(!panel.hidden));
  });
  $("#token-form").addEventListener("submit", (event) => event.preventDefault());
  $("#upload-form").addEventListener("submit", guard(upload));
  $("#fetch-form").addEventListener("submit", guard(fetchUrls));
  window.addEventListener("hashchange", guard(route));
  guard(async () => {
    const [kind] = location.hash.slice(1).split("/");
    if (kind !== "search") await loadStories();
    await route();
    await showFollowing();
  })();
});
