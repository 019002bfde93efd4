// The projector: how to join, how many are here, and the current activity live (idea wall or clusters, word cloud,
// bars, the 2×2 matrix).

import { inputKind, projectorView, resultsView } from "./activities/index.js";
import { clusterBoard } from "./activities/board.js";
import { Agenda } from "./agenda.js";
import { batched, fill, h, keyed, localized, num, page, showLocalized, t, tn } from "./dom.js";
import { Connection } from "./socket.js";

const connection = new Connection({ code: page.code, role: "screen", lang: page.lang, offlineKey: "offline_screen" });

const agenda = new Agenda();
const room = {
  ready: false,
  wall: new Map(), // idea id → idea, only those with a card of their own (approved, shown, not merged)
  connected: 0,
};

const app = document.getElementById("app");
const stage = document.getElementById("stage");
const connectedCount = document.getElementById("connected-count");
const render = batched(renderStage);
let shown = null; // {id, type, prompt, phase, body, kind, list, note, cloud}
// « ?also=ar »: the projector shows the prompt in a second language under the first (a bilingual room).
const SECOND_LANGUAGE = (() => {
  const asked = new URLSearchParams(window.location.search).get("also");
  return (page.languages || []).some((language) => language.code === asked) && asked !== page.lang ? asked : null;
})();

function setConnected(count) {
  room.connected = count;
  connectedCount.textContent = tn("connected_count", count);
}

connection
  .on("room_state", (state) => {
    room.ready = true;
    agenda.load(state);
    room.wall = new Map(state.ideas.filter((idea) => idea.merged_into === null).map((idea) => [idea.id, idea]));
    setConnected(state.connected || 0);
    render();
  })
  .on("presence_changed", ({ connected }) => setConnected(connected))
  .on("room_changed", (changes) => {
    if ("name" in changes) showLocalized(document.querySelector(".stage-header h1"), localized("name", changes.name, changes.versions));
  })
  .on("ideas_submitted", ({ ideas }) => {
    for (const idea of ideas) room.wall.set(idea.id, idea);
    render();
  })
  .on("idea_changed", ({ idea }) => {
    if (idea.on_wall) room.wall.set(idea.id, idea);
    else room.wall.delete(idea.id); // hidden, merged into another card, or waiting for approval
    render();
  });
agenda.follow(connection, render);

function renderStage() {
  if (!room.ready) return;
  const activity = agenda.current;
  app.dataset.idle = activity ? "false" : "true";
  if (!activity) {
    shown = null;
    fill(stage, h("p", { class: "stage-welcome", text: t("screen_welcome") }));
    return;
  }
  if (!shown || shown.id !== activity.id) {
    shown = { id: activity.id, type: activity.type, prompt: h("h2", { class: "stage-prompt", dir: "auto" }),
      second: SECOND_LANGUAGE ? h("p", { class: "stage-prompt stage-prompt-second", dir: "auto" }) : null,
      phase: h("p", { class: "stage-phase" }), body: h("div", { class: "stage-body" }), kind: null };
    fill(stage, shown.prompt, shown.second, shown.phase, shown.body);
  }
  stage.dataset.type = activity.type;
  stage.dataset.phase = activity.phase;
  showLocalized(shown.prompt, localized("prompt", activity.prompt, activity.versions));
  if (shown.second) {
    const second = localized("prompt", activity.prompt, activity.versions, SECOND_LANGUAGE);
    showLocalized(shown.second, second);
    shown.second.hidden = second.fallback || second.text === shown.prompt.textContent;
  }
  shown.phase.textContent = t(`screen_phase_${activity.phase}`);
  const board = activity.results && activity.results.board;
  const view = projectorView(activity.type);
  if (view === "wall" && activity.results_visible && board && board.clusters.length) showBoard(activity, board);
  else if (view === "wall") showWall(activity);
  else if (view === "cloud" && activity.results_visible && activity.results) showCloud(activity);
  else if (activity.results_visible && activity.results) showBars(activity);
  else showWaiting(activity);
}

function switchBody(kind) {
  if (shown.kind === kind) return false;
  shown.kind = kind;
  shown.cloud = null;
  fill(shown.body);
  return true;
}

// Results hidden: what has come in so far, so the room sees its answers counted (not an empty promise).
function showWaiting(activity) {
  switchBody("waiting");
  const text = activity.phase === "open" ? t("screen_answer_on_phone") : t("screen_results_later");
  const key = inputKind(activity.type) === "idea" ? "screen_received_answers" : "screen_received_ballots";
  fill(shown.body, h("p", { class: "stage-received", dataset: { received: String(activity.received ?? 0) },
    text: tn(key, activity.received ?? 0) }), h("p", { class: "stage-waiting", text }));
}

// Every item of a revealed list is shown: a long list goes to two columns, then shrinks until it fits the stage.
const LONG_LIST = 8;
const SMALLEST_ZOOM = 0.4;

function showBars(activity) {
  switchBody("bars");
  const view = resultsView(activity.type, activity.results, { limit: 60, large: true, versions: activity.versions,
    also: SECOND_LANGUAGE });
  fill(shown.body, view);
  const rows = view ? view.querySelectorAll(".bars > li").length : 0;
  shown.body.dataset.long = String(rows > LONG_LIST);
  if (view) fitToStage(view);
}

/** Shrink ``content`` (CSS zoom, so the layout follows) until the stage shows all of it: nothing cut at the bottom. */
function fitToStage(content) {
  const body = shown.body;
  content.style.zoom = "";
  for (let attempt = 0; attempt < 5 && body.scrollHeight > body.clientHeight + 1; attempt += 1) {
    const current = Number(content.style.zoom || 1);
    const next = Math.max(SMALLEST_ZOOM, current * (body.clientHeight / body.scrollHeight) * 0.98);
    if (next >= current) break;
    content.style.zoom = String(next);
  }
}

// Clusters as columns, live: redrawn only when a label or a card changed (results come coalesced anyway).
function showBoard(activity, board) {
  if (switchBody("board")) shown.drawn = "";
  const signature = JSON.stringify(board);
  if (signature === shown.drawn) return;
  shown.drawn = signature;
  const cards = board.clusters.reduce((total, cluster) => total + cluster.ideas.length, 0) + board.unclustered.length;
  const view = clusterBoard(board);
  view.dataset.density = cards > 40 ? "compact" : cards > 16 ? "dense" : "roomy";
  fill(shown.body, view);
  fitToStage(view);
}

// The idea wall: cards keyed by id, newest first, so a new idea adds one card and moves no other node.
function showWall(activity) {
  if (switchBody("wall")) {
    shown.list = h("ul", { class: "wall" });
    shown.note = h("p", { class: "stage-waiting" });
    shown.body.append(shown.note, shown.list);
  }
  const ideas = [...room.wall.values()].filter((idea) => idea.activity_id === activity.id).sort((a, b) => b.id - a.id);
  if (!activity.results_visible) {
    // Live results off: the wall waits for the reveal, so the room does not follow the first ideas.
    shown.note.hidden = false;
    shown.note.textContent = tn("screen_ideas_hidden", Math.max(activity.received ?? 0, ideas.length));
    shown.list.hidden = true;
    return;
  }
  shown.note.hidden = ideas.length > 0;
  shown.note.textContent = activity.phase === "open" ? t("screen_answer_on_phone") : t("no_ideas");
  shown.list.hidden = false;
  shown.list.dataset.density = ideas.length > 30 ? "compact" : ideas.length > 12 ? "dense" : "roomy";
  keyed(shown.list, ideas, {
    key: (idea) => idea.id,
    signature: (idea) => idea.text,
    build: (idea) => h("li", { class: "idea-card", dir: "auto", dataset: { ideaId: idea.id }, text: idea.text }),
  });
}

// The word cloud: wordcloud2 on a canvas, redrawn at most every two seconds and only when the words changed.
const PALETTE = ["#0b3d91", "#8a1c1c", "#1f5f3a", "#5b2a86", "#7a4a00", "#004f5e", "#222222"];

function showCloud(activity) {
  if (switchBody("cloud")) {
    const canvas = h("canvas", { class: "cloud", dir: "ltr", role: "img" });
    shown.cloud = { canvas, list: h("ol", { class: "visually-hidden" }), drawn: "", timer: null, lastDraw: 0 };
    shown.body.append(canvas, shown.cloud.list);
  }
  const cloud = shown.cloud;
  const words = activity.results.frequencies || [];
  const signature = JSON.stringify(words);
  if (signature === cloud.drawn) return;
  cloud.canvas.setAttribute("aria-label", t("cloud_label", { count: num(words.length) }));
  fill(cloud.list, words.slice(0, 30).map(([word, count]) => h("li", { text: `${word} (${num(count)})` })));
  clearTimeout(cloud.timer);
  const wait = Math.max(0, 2000 - (Date.now() - cloud.lastDraw));
  cloud.timer = setTimeout(() => drawCloud(cloud, words, signature), wait);
}

// Size proportional to count (one scale for every word, so ties are the same size whatever their script), words
// never drawn past the edges; when a word does not fit, the whole cloud is drawn again smaller. wordcloud2's own
// shrinkToFit shrank only the words that came late, and ties came in alphabetical order: Arabic last, Arabic small.
const SMALLEST_FONT = 14;
const SHRINK = 0.82;

async function drawCloud(cloud, words, signature) {
  if (typeof window.WordCloud !== "function" || !window.WordCloud.isSupported) return;
  cloud.lastDraw = Date.now();
  cloud.drawn = signature;
  const { canvas } = cloud;
  const width = Math.max(320, canvas.clientWidth);
  const height = Math.max(240, canvas.clientHeight);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  // The canvas measures text with the fonts it has: wait for them, or words overlap.
  try {
    await Promise.all([document.fonts.load('700 40px "Noto Sans"'), document.fonts.load('700 40px "Noto Sans Arabic"', "ع")]);
  } catch {
    // draw with the fallback font
  }
  // In an RTL page the canvas inherits direction "rtl" and wordcloud2 would misplace every word.
  canvas.getContext("2d").direction = "ltr";
  const top = words.length ? words[0][1] : 1;
  let largest = Math.min(height / 4, width / 7);
  let placed = [];
  for (let attempt = 0; attempt < 10; attempt += 1) {
    placed = await drawOnce(canvas, words, (count) => Math.max(SMALLEST_FONT, (largest * count) / top), width);
    if (signature !== cloud.drawn) return; // newer words arrived meanwhile: that drawing wins
    if (placed.length === words.length || largest * SHRINK < SMALLEST_FONT) break;
    largest *= SHRINK;
  }
  canvas.dataset.words = JSON.stringify(placed);
  canvas.dataset.complete = String(placed.length === words.length);
}

/** One drawing; resolves with the words placed ``[word, count, font size]``, stopping at the first that did not fit. */
function drawOnce(canvas, words, size, width) {
  return new Promise((resolve) => {
    const placed = [];
    const drawn = (event) => {
      const [word, count] = event.detail.item;
      if (event.detail.drawn) placed.push([word, count, Math.round(size(count) * 10) / 10]);
      else event.preventDefault(); // a word left out: stop here, the caller draws everything smaller
    };
    const stopped = () => {
      canvas.removeEventListener("wordclouddrawn", drawn);
      canvas.removeEventListener("wordcloudstop", stopped);
      resolve(placed);
    };
    canvas.addEventListener("wordclouddrawn", drawn);
    canvas.addEventListener("wordcloudstop", stopped);
    window.WordCloud(canvas, {
      list: words,
      fontFamily: '"Noto Sans", "Noto Sans Arabic", sans-serif',
      fontWeight: "700",
      weightFactor: size,
      color: (word) => PALETTE[[...word].reduce((sum, char) => sum + char.codePointAt(0), 0) % PALETTE.length],
      backgroundColor: "#ffffff",
      rotateRatio: 0,
      gridSize: Math.max(4, Math.round(width / 96)),
      shuffle: false,
      shrinkToFit: false,
      drawOutOfBound: false,
    });
  });
}

window.addEventListener("resize", () => {
  if (shown && shown.cloud) {
    shown.cloud.drawn = "";
    render();
  }
});

connection.start();
