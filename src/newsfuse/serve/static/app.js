// newsfuse web page: stories, search and cited briefs over the HTTP API (/api).
// Plain DOM, no build step. Text from the archive is only ever set as text nodes,
// never parsed as HTML. Routes live in the URL hash: #story/STORYLINE[/EVENT],
// #search/WORDS, #list. On a narrow screen the list and the storyline are two views.
"use strict";

const PAGE = 50;
const $ = (sel) => document.querySelector(sel);
const state = { offset: 0, query: null, current: null, event: null, words: 120, members: new Map(), asked: 0 };
const enc = encodeURIComponent;

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
    onclick: () => { location.hash = `story/${enc(story.id)}`; } },
    el("span", { class: "headline" }, story.headline || "(untitled)"),
    el("span", { class: "meta" }, storyMeta(story)),
    hit ? el("span", { class: "snippet" }, snippet(hit.matches[0].snippet)) : null);
  if (story.id === state.current) link.setAttribute("aria-current", "true");
  return el("li", {}, link);
}

async function loadStories(append = false) {
  state.offset = append ? state.offset + PAGE : 0;
  const params = new URLSearchParams({ sort: $("#sort").value, limit: PAGE, offset: state.offset });
  for (const key of ["outlet", "since", "until"]) {
    const value = $(`#${key}`).value;
    if (value) params.set(key, value);
  }
  const asked = ++state.asked;
  const page = await api(`/api/stories?${params}`);
  if (asked !== state.asked) return;  // a later change of sort or filter answers instead
  const list = $("#stories");
  if (!append) list.replaceChildren();
  list.append(...page.stories.map((s) => storyItem(s)));
  $("#list-title").textContent = `Storylines (${page.total})`;
  $("#more").hidden = state.offset + PAGE >= page.total;
  $("#clear-search").hidden = true;
  $("#sort").parentElement.hidden = false;
  $("#filters").hidden = false;
  const filtered = ["outlet", "since", "until"].some((key) => $(`#${key}`).value);
  if (!page.total) status(filtered ? "No storyline matches these filters." : "The archive is empty: add articles with the button above or `newsfuse ingest`.");
  else status("");
}

async function runSearch(query) {
  state.query = query;
  state.asked += 1;  // a list still loading must not replace the results
  $("#q").value = query;
  status(`Searching for ${query} …`);
  const found = await api(`/api/search?q=${encodeURIComponent(query)}&limit=50`);
  $("#stories").replaceChildren(...found.stories.map((hit) => storyItem(hit, hit)));
  $("#list-title").textContent = `${plural(found.stories.length, "storyline")} matching`;
  $("#more").hidden = true;
  $("#clear-search").hidden = false;
  $("#sort").parentElement.hidden = true;
  $("#filters").hidden = true;
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

// An article's name: its title, else its outlet and first words; never its file path.
// Beside its outlet (a brief's source list), only the first words.
function articleName(a, outletShown = false) {
  if (a.title) return a.title;
  const lead = a.lead || (state.members.get(a.article_id || a.id) || {}).lead;
  const words = `“${lead || "untitled article"}”`;
  return outletShown ? words : `${a.outlet || "unknown outlet"}: ${words}`;
}

// A button that opens the article in the page, and its original when it has a web address.
// (An inline element, not a <button>, so that a long name wraps like the text around it.)
function readButton(id, name, url) {
  const open = guard(() => openArticle(id));
  const button = el("span", { class: "read", role: "button", tabindex: "0", "data-article": id,
    title: "read this article here", onclick: open,
    onkeydown: (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); } } }, name);
  const safe = webUrl(url);
  return [button, safe ? [" ", el("a", { class: "original", href: safe, rel: "noopener noreferrer", target: "_blank" }, "original ↗")] : null];
}

function sourceList(brief) {
  return el("ol", { id: "sources" }, brief.sources.map((src) => el("li", { id: `src-${src.number}` },
    el("strong", {}, src.outlet || "unknown outlet"), " — ",
    readButton(src.article_id, articleName(src, true), src.url),
    src.date ? ` (${src.date})` : "")));
}

// The article's text, shown inside the page as text (never parsed as HTML).
async function openArticle(id) {
  const a = await api(`/api/articles/${enc(id)}`);
  $("#reader-title").textContent = articleName(a);
  $("#reader-meta").textContent = [a.outlet, a.byline, a.date].filter(Boolean).join(" · ");
  const safe = webUrl(a.url);
  if (safe) $("#reader-meta").append(" · ", el("a", { href: safe, rel: "noopener noreferrer", target: "_blank" }, "original ↗"));
  const paragraphs = a.body.split(/\n\s*\n/).map((text) => text.trim()).filter(Boolean);
  $("#reader-body").replaceChildren(...paragraphs.map((text) => el("p", {}, text)));
  const dialog = $("#reader");
  if (!dialog.open) dialog.showModal();
  dialog.scrollTop = 0;
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
  const blob = new Blob([brief.markdown || ""], { type: "text/markdown" });
  return el("a", { href: URL.createObjectURL(blob), download: `${brief.story_id}.md` }, "Markdown");
}

function wordsSelect() {
  const select = el("select", { id: "words", onchange: guard(() => { state.words = Number(select.value); return showEvent(state.event); }) },
    [60, 120, 250, 400].map((n) => el("option", { value: String(n) }, `${n} words`)));
  select.value = String(state.words);
  return el("label", {}, "Length ", select);
}

function count(story) { return story.articles.length + story.duplicates.length; }

// One dated line of the storyline's brief: an event, selectable.
function eventItem(storylineId, event) {
  return el("li", {}, el("button", { class: "event-link", type: "button", "data-id": event.id,
    onclick: () => { location.hash = `story/${enc(storylineId)}/${enc(event.id)}`; } },
  el("span", { class: "date" }, dates(event) || "undated"),
  el("span", { class: "headline" }, event.headline || "(untitled)"),
  el("span", { class: "meta" }, plural(count(event), "article"))));
}

function renderStoryline(line) {
  const meta = [plural(line.events.length, "event"), plural(count(line), "article"), dates(line)].filter(Boolean).join(" · ");
  $("#story").replaceChildren(
    el("button", { class: "back", type: "button", onclick: backToList }, "← All storylines"),
    el("p", { class: "kicker" }, line.id.startsWith("e-") ? "Event" : "Storyline"),
    el("h1", {}, line.headline || "(untitled)"),
    el("p", { class: "story-meta", id: "storyline-meta" }, meta,
      " · ", el("a", { href: URL.createObjectURL(new Blob([line.markdown], { type: "text/markdown" })),
        download: `${line.id}.md`, title: "one dated line per event, then the latest event's brief" }, "storyline brief (Markdown)")),
    ...(line.events.length ? [el("h2", { class: "section" }, "Timeline of events"),
      el("ol", { id: "timeline", class: "timeline" }, line.events.map((e) => eventItem(line.id, e)))] : []),
    el("section", { id: "event", "aria-label": "Brief of the selected event" }));
}

function renderEvent(brief, detail) {
  state.members = new Map(detail.members.map((m) => [m.id, m]));
  const meta = [plural(brief.sources.length, "source"), dates(brief), `${brief.word_count} words`].filter(Boolean).join(" · ");
  $("#event").replaceChildren(
    el("p", { class: "kicker" }, "Event brief"),
    el("h2", { id: "event-title", class: "event-title" }, brief.headline),
    el("p", { class: "story-meta", id: "event-meta" }, meta),
    el("div", { class: "tools" }, wordsSelect(), download(brief),
      el("a", { href: `/api/stories/${enc(brief.story_id)}/brief?analysis=true&words=${state.words}` }, "JSON")),
    el("div", { id: "brief", class: "brief" }, briefParagraphs(brief)),
    el("div", { id: "analysis" }, el("p", { class: "placeholder" }, "Analysing quotes, claims, numbers and timeline …")),
    ...section("Sources", sourceList(brief)),
    ...section(`All ${plural(detail.members.length, "article")}`, memberList(detail)));
}

// Every article of the event, near-copies (syndicated or re-posted) under their original.
function memberList(detail) {
  const byId = new Map(detail.members.map((m) => [m.id, m]));
  const label = (m) => [m.outlet || "unknown outlet", m.date].filter(Boolean).join(", ");
  const item = (m) => el("li", { "data-id": m.id },
    readButton(m.id, articleName(m, true), m.url),  // its outlet follows
    ` — ${label(m)}`,
    m.duplicate_of && byId.has(m.duplicate_of) ? [" ", el("span", { class: "tag" }, `copy of “${articleName(byId.get(m.duplicate_of))}”`)] : null);
  return el("ol", { id: "members", class: "items" }, detail.members.map(item));
}

function markCurrent(selector, id) {
  for (const link of document.querySelectorAll(selector)) link.setAttribute("aria-current", String(link.dataset.id === id));
}

async function showStory(id, eventId) {
  if (state.current === id && $("#timeline") && eventId) {
    document.body.classList.add("reading");
    return showEvent(eventId);
  }
  state.current = id;
  state.event = null;
  markCurrent(".story-link", id);
  document.body.classList.add("reading");
  status("");
  $("#story").replaceChildren(  // nothing of the storyline before stays clickable
    el("button", { class: "back", type: "button", onclick: backToList }, "← All storylines"),
    el("p", { class: "placeholder" }, "Loading the storyline …"));
  const line = await api(`/api/stories/${enc(id)}/storyline?words=${state.words}`);
  if (state.current !== id) return;
  renderStoryline(line);
  window.scrollTo(0, 0);
  const latest = line.latest.story_id;
  const chosen = eventId && line.events.some((e) => e.id === eventId) ? eventId : latest;
  await showEvent(chosen, chosen === latest ? line.latest : null);
}

// Scroll the timeline box (only it, not the page) so that the chosen event shows.
function revealEvent(id) {
  const box = $("#timeline");
  const link = box && box.querySelector(`.event-link[data-id="${CSS.escape(id)}"]`);
  if (!link) return;
  const outer = box.getBoundingClientRect();
  const inner = link.getBoundingClientRect();
  if (inner.bottom > outer.bottom) box.scrollTop += inner.bottom - outer.bottom;
  else if (inner.top < outer.top) box.scrollTop -= outer.top - inner.top;
}

async function showEvent(id, known = null) {
  state.event = id;
  markCurrent(".event-link", id);
  revealEvent(id);
  const base = `/api/stories/${enc(id)}/brief?words=${state.words}`;
  const brief = known || await api(base);
  if (state.event !== id) return;
  const detail = await api(`/api/stories/${enc(id)}`);
  if (state.event !== id) return;
  renderEvent(brief, detail);
  const full = await api(`${base}&analysis=true`);
  if (state.event !== id) return;
  $("#analysis").replaceChildren(...analysisSections(full.analysis));
  if (!brief.markdown) $("#event .tools a[download]").replaceWith(download(full));
}

function backToList() {
  document.body.classList.remove("reading");
  location.hash = state.query ? `search/${enc(state.query)}` : "list";
}

async function loadOutlets() {
  const found = await api("/api/outlets?limit=200");
  $("#outlet").append(...found.outlets.map((o) => el("option", { value: o.outlet }, `${o.outlet} (${o.articles})`)));
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
  if (kind === "story" && rest[0]) return showStory(decodeURIComponent(rest[0]), rest[1] ? decodeURIComponent(rest[1]) : null);
  document.body.classList.remove("reading");
  const arg = decodeURIComponent(rest.join("/"));
  if (kind === "search" && arg) await runSearch(arg);
  else if (state.query !== null) {  // back from a search to the whole list
    state.query = null;
    $("#q").value = "";
    await loadStories();
  }
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
  $("#clear-search").addEventListener("click", () => { location.hash = "list"; });
  $("#sort").addEventListener("change", guard(() => loadStories()));
  $("#filters").addEventListener("change", guard(() => loadStories()));
  $("#filters").addEventListener("submit", (event) => event.preventDefault());
  $("#filters").addEventListener("reset", () => setTimeout(guard(() => loadStories()), 0));
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
    await loadOutlets();
    if (kind !== "search") await loadStories();
    await route();
    await showFollowing();
  })();
});
