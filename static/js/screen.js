// The projector: how to join, how many are here, and the current activity live (idea wall, word cloud, bars).

import { batched, fill, h, num, page, t } from "./dom.js";
import { resultsView } from "./results.js";
import { Connection } from "./socket.js";

const connection = new Connection({ code: page.code, role: "screen", lang: page.lang, offlineKey: "offline_screen" });

const room = {
  ready: false,
  activities: new Map(),
  currentId: null,
  wall: new Map(), // idea id → idea, only those with a card of their own (approved, shown, not merged)
  connected: 0,
};

const app = document.getElementById("app");
const stage = document.getElementById("stage");
const connectedCount = document.getElementById("connected-count");
const render = batched(renderStage);
let shown = null; // {id, type, prompt, phase, body, kind, cards: Map, cloud}

function keepResults(activity) {
  const before = room.activities.get(activity.id);
  if (before && before.results && !activity.results) activity.results = before.results;
  return activity;
}

function setConnected(count) {
  room.connected = count;
  connectedCount.textContent = t("connected_count", { count: num(count) });
}

connection
  .on("room_state", (state) => {
    room.ready = true;
    room.activities = new Map(state.activities.filter((activity) => activity.phase !== "draft")
      .map((activity) => [activity.id, keepResults(activity)]));
    room.currentId = state.room.current_activity_id;
    room.wall = new Map(state.ideas.filter((idea) => idea.merged_into === null).map((idea) => [idea.id, idea]));
    setConnected(state.connected || 0);
    render();
  })
  .on("presence_changed", ({ connected }) => setConnected(connected))
  .on("activity_changed", ({ activity, current_activity_id: currentId }) => {
    if (activity.phase === "draft") room.activities.delete(activity.id);
    else room.activities.set(activity.id, keepResults(activity));
    room.currentId = currentId;
    render();
  })
  .on("current_activity_changed", ({ current_activity_id: currentId }) => {
    room.currentId = currentId;
    render();
  })
  .on("activity_deleted", ({ activity_id: activityId }) => {
    room.activities.delete(activityId);
    render();
  })
  .on("results_updated", ({ activity_id: activityId, results }) => {
    const activity = room.activities.get(activityId);
    if (activity) {
      activity.results = results;
      render();
    }
  })
  .on("idea_submitted", ({ idea }) => {
    room.wall.set(idea.id, idea);
    render();
  })
  .on("idea_changed", ({ idea }) => {
    if (idea.on_wall) room.wall.set(idea.id, idea);
    else room.wall.delete(idea.id); // hidden, merged into another card, or waiting for approval
    render();
  });

function renderStage() {
  if (!room.ready) return;
  const activity = room.activities.get(room.currentId);
  app.dataset.idle = activity ? "false" : "true";
  if (!activity) {
    shown = null;
    fill(stage, h("p", { class: "stage-welcome", text: t("screen_welcome") }));
    return;
  }
  if (!shown || shown.id !== activity.id) {
    shown = { id: activity.id, type: activity.type, prompt: h("h2", { class: "stage-prompt" }),
      phase: h("p", { class: "stage-phase" }), body: h("div", { class: "stage-body" }), kind: null };
    fill(stage, shown.prompt, shown.phase, shown.body);
  }
  stage.dataset.type = activity.type;
  stage.dataset.phase = activity.phase;
  shown.prompt.textContent = activity.prompt;
  shown.phase.textContent = t(`screen_phase_${activity.phase}`);
  if (activity.type === "brainstorm") showWall(activity);
  else if (activity.type === "word_cloud" && activity.results_visible && activity.results) showCloud(activity);
  else if (activity.results_visible && activity.results) showBars(activity);
  else showWaiting(activity);
}

function switchBody(kind) {
  if (shown.kind === kind) return false;
  shown.kind = kind;
  shown.cards = null;
  shown.cloud = null;
  shown.body.replaceChildren();
  return true;
}

function showWaiting(activity) {
  switchBody("waiting");
  const text = activity.phase === "open" ? t("screen_answer_on_phone") : t("screen_results_later");
  fill(shown.body, h("p", { class: "stage-waiting", text }));
}

function showBars(activity) {
  switchBody("bars");
  fill(shown.body, resultsView(activity.type, activity.results, { limit: 12 }));
}

// The idea wall: cards keyed by id so a new idea only adds one card (newest first).
function showWall(activity) {
  if (switchBody("wall")) {
    shown.cards = new Map();
    shown.list = h("ul", { class: "wall" });
    shown.hidden = h("p", { class: "stage-waiting" });
    shown.body.append(shown.hidden, shown.list);
  }
  const ideas = [...room.wall.values()].filter((idea) => idea.activity_id === activity.id).sort((a, b) => b.id - a.id);
  if (!activity.results_visible) {
    // Live results off: the wall waits for the reveal, to avoid the room following the first ideas.
    shown.hidden.hidden = false;
    shown.hidden.textContent = t("screen_ideas_hidden", { count: num(ideas.length) });
    shown.list.hidden = true;
    return;
  }
  shown.hidden.hidden = ideas.length > 0;
  shown.hidden.textContent = activity.phase === "open" ? t("screen_answer_on_phone") : t("no_ideas");
  shown.list.hidden = false;
  const keep = new Set(ideas.map((idea) => idea.id));
  for (const [id, card] of shown.cards) {
    if (!keep.has(id)) {
      card.remove();
      shown.cards.delete(id);
    }
  }
  let previous = null;
  for (const idea of ideas) {
    let card = shown.cards.get(idea.id);
    if (!card) {
      card = h("li", { class: "idea-card", dataset: { ideaId: idea.id } });
      shown.cards.set(idea.id, card);
    }
    if (card.textContent !== idea.text) card.textContent = idea.text;
    const expected = previous ? previous.nextSibling : shown.list.firstChild;
    if (expected !== card) shown.list.insertBefore(card, expected);
    previous = card;
  }
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
  const largest = Math.min(height / 4, width / 7);
  const smallest = Math.max(16, largest / 6);
  window.WordCloud(canvas, {
    list: words,
    fontFamily: '"Noto Sans", "Noto Sans Arabic", sans-serif',
    fontWeight: "700",
    weightFactor: (count) => smallest + (largest - smallest) * Math.sqrt(count / top),
    color: (word) => PALETTE[[...word].reduce((sum, char) => sum + char.codePointAt(0), 0) % PALETTE.length],
    backgroundColor: "#ffffff",
    rotateRatio: 0,
    gridSize: Math.round(width / 80),
    shuffle: false,
    shrinkToFit: true,
  });
}

window.addEventListener("resize", () => {
  if (shown && shown.cloud) {
    shown.cloud.drawn = "";
    render();
  }
});

connection.start();
