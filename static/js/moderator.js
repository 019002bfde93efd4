// The moderator's console: agenda and phases, what the projector shows, the incoming ideas and their moderation.
// Length: the console's one page module (agenda, phases, projector, moderation), each part small, sharing one socket.

import {
  ACTIVITY_TYPES, configForm, inputKind, listsActivities, resultsView, usesSources,
} from "./activities/index.js";
import { described } from "./activities/described.js";
import { Agenda } from "./agenda.js";
import { ClusterBoard } from "./clustering.js";
import { batched, fill, h, keyed, locale, notify, num, page, t, tn } from "./dom.js";
import { Connection, errorText } from "./socket.js";
import { activityEditor, listVersions, versionsOf } from "./activity_editor.js";
import { connectedText, roomSettings, versionInputs } from "./console_room.js";

const connection = new Connection({ code: page.code, role: "moderator", lang: page.lang, offlineKey: "offline_moderator" });

const agenda = new Agenda({ drafts: true });
const room = {
  ready: false,
  ideas: new Map(),
  premoderation: false,
  connected: 0,
  selectedId: null,
  checked: new Set(), // ideas ticked for a merge
  tabs: new Map(), // activity id → "ideas" | "board": which view of an idea activity the moderator looks at
  promoted: {}, // activity id → cluster id → the axe made of it (services/board_log.py)
};

// Legal phase moves (workshop/domain/phases.py): a revealed activity never goes back.
const PHASE_ACTIONS = {
  draft: [["open", "open"]],
  open: [["close", "closed"]],
  closed: [["reopen", "open"], ["reveal", "revealed"]],
  revealed: [],
};

const agendaList = document.getElementById("agenda");
const selected = document.getElementById("selected");
const premoderation = document.getElementById("premoderation");
const render = batched(renderAll);
const settings = roomSettings(run, render);

connection
  .on("room_state", (state) => {
    room.ready = true;
    agenda.load(state);
    room.ideas = new Map(state.ideas.map((idea) => [idea.id, idea]));
    room.premoderation = state.room.premoderation;
    room.connected = state.connected || 0;
    room.promoted = state.promoted || {};
    settings.changed({ name: state.room.name, versions: state.room.versions || {},
      expected_count: state.room.expected_count ?? null });
    showStrategyLink(state.room.event);
    refreshSources();
    render();
  })
  .on("promoted_clusters", ({ promoted }) => {
    room.promoted = promoted || {};
    render();
  })
  .on("presence_changed", ({ connected }) => {
    room.connected = connected;
    render();
  })
  .on("room_changed", (changes) => {
    if ("premoderation" in changes) room.premoderation = changes.premoderation;
    settings.changed(changes);
    render();
  })
  .on("ideas_submitted", ({ ideas }) => {
    for (const idea of ideas) room.ideas.set(idea.id, idea);
    render();
  })
  .on("idea_changed", ({ idea }) => {
    room.ideas.set(idea.id, idea);
    render();
  });
agenda.follow(connection, () => {
  refreshSources();
  render();
});

/** Send a command; the button stays disabled until the ack, and a refusal shows its message. */
async function run(event, payload, button) {
  if (button) button.disabled = true;
  const ack = await connection.command(event, payload);
  if (button) button.disabled = false;
  if (!ack.ok) notify(errorText(ack));
  return ack;
}

function typeLabel(type) {
  return t(`type_${type}`);
}

/** The event's strategy (its axes, the national view, the declination) is one link away from every room. */
function showStrategyLink(event) {
  const link = document.getElementById("strategy-link");
  if (!link || !event) return;
  link.href = `/m/events/${event.id}/strategy`;
  link.hidden = false;
}

function renderAll() {
  if (!room.ready) return;
  const count = document.getElementById("connected-count");
  count.textContent = connectedText(room.connected, settings.expected);
  count.dataset.connected = String(room.connected);
  count.dataset.expected = String(settings.expected ?? "");
  premoderation.checked = room.premoderation;
  const activities = agenda.ordered();
  if (!agenda.activities.has(room.selectedId)) {
    room.selectedId = agenda.activities.has(agenda.currentId) ? agenda.currentId : (activities[0] ? activities[0].id : null);
  }
  renderAgenda(activities);
  renderSelected();
}

// Agenda ------------------------------------------------------------------------------------------------

function renderAgenda(activities) {
  document.getElementById("agenda-empty").hidden = activities.length > 0;
  keyed(agendaList, activities, {
    key: (activity) => activity.id,
    signature: (activity) => JSON.stringify([activity.prompt, activity.phase, activity.type, activity.id === agenda.currentId,
      activity.id === room.selectedId, activities.indexOf(activity), activities.length]),
    build: (activity) => agendaItem(activity, activities.indexOf(activity), activities.length),
  });
}

function agendaItem(activity, index, count) {
  const isCurrent = activity.id === agenda.currentId;
  const actions = PHASE_ACTIONS[activity.phase].map(([action, phase]) => h("button", {
    type: "button", class: action === "reveal" || action === "open" ? "primary small" : "small", dataset: { action },
    text: t(`action_${action}`),
    onclick: async (event) => {
      const ack = await run("set_phase", { activity_id: activity.id, phase }, event.currentTarget);
      if (ack.ok && action === "open") select(activity.id); // the activity just opened is the one to follow
    },
  }));
  if (activity.phase !== "draft" && !isCurrent) {
    actions.push(h("button", { type: "button", class: "small", dataset: { action: "show" }, text: t("action_show"),
      onclick: async (event) => {
        const ack = await run("show_activity", { activity_id: activity.id }, event.currentTarget);
        if (ack.ok) select(activity.id);
      } }));
  }
  actions.push(
    h("button", { type: "button", class: "small icon", dataset: { action: "up" }, text: "↑", "aria-label": t("move_up"),
      title: t("move_up"), disabled: index === 0,
      onclick: (event) => run("move_activity", { activity_id: activity.id, position: index - 1 }, event.currentTarget) }),
    h("button", { type: "button", class: "small icon", dataset: { action: "down" }, text: "↓", "aria-label": t("move_down"),
      title: t("move_down"), disabled: index === count - 1,
      onclick: (event) => run("move_activity", { activity_id: activity.id, position: index + 1 }, event.currentTarget) }),
  );
  if (activity.phase === "draft") {
    actions.push(h("button", { type: "button", class: "small danger", dataset: { action: "delete" }, text: t("action_delete"),
      onclick: (event) => {
        if (window.confirm(t("confirm_delete"))) run("delete_activity", { activity_id: activity.id }, event.currentTarget);
      } }));
  }
  return h("li", { class: "agenda-item", dataset: { activityId: activity.id, phase: activity.phase },
    "aria-current": activity.id === room.selectedId ? "true" : null },
  h("button", { type: "button", class: "agenda-select", onclick: () => select(activity.id) },
    h("span", { class: "agenda-number", text: num(index + 1) }),
    h("span", { class: "agenda-prompt", dir: "auto", text: activity.prompt })),
  h("p", { class: "agenda-badges" },
    h("span", { class: "badge", text: typeLabel(activity.type) }),
    h("span", { class: `badge phase-badge phase-${activity.phase}`, text: t(`phase_${activity.phase}`) }),
    isCurrent ? h("span", { class: "badge on-screen", text: t("on_screen") }) : null),
  h("div", { class: "agenda-actions" }, actions));
}

function select(activityId) {
  room.selectedId = activityId;
  room.checked.clear();
  render();
}

// Ideas and results of the selected activity ----------------------------------------------------------------

let panel = null; // the parts of the selected panel, kept while the same activity stays selected

function renderSelected() {
  const activity = agenda.activities.get(room.selectedId);
  if (!activity) {
    panel = null;
    fill(selected, h("p", { class: "empty", text: t("no_activity_yet") }));
    return;
  }
  if (!panel || panel.id !== activity.id) {
    if (panel && panel.board) panel.board.destroy();
    panel = {
      id: activity.id,
      title: h("h3", { class: "selected-prompt", dir: "auto" }),
      meta: h("p", { class: "selected-meta" }),
      results: h("section", { class: "results-panel", "aria-label": t("results") }),
      ideas: h("section", { class: "ideas-section" }),
      editSlot: h("div", { class: "activity-editor-slot" }),
      editButton: h("button", { type: "button", class: "small", dataset: { action: "edit-activity" }, text: t("edit_activity"),
        onclick: () => openEditor(activity.id) }),
    };
    panel.metaRow = h("div", { class: "selected-meta-row" }, panel.meta, panel.editButton);
    if (inputKind(activity.type) === "idea") {
      buildIdeas(panel);
      panel.board = new ClusterBoard({ activityId: activity.id, command: run });
      panel.tabs = h("div", { class: "panel-tabs", role: "tablist" }, ["ideas", "board"].map((tab) => h("button", {
        type: "button", role: "tab", class: "panel-tab", dataset: { tab }, text: t(`tab_${tab}`),
        onclick: () => {
          room.tabs.set(activity.id, tab);
          render();
        } })));
      fill(selected, panel.title, panel.metaRow, panel.editSlot, panel.tabs, panel.results, panel.ideas,
        panel.board.element);
    } else {
      fill(selected, panel.title, panel.metaRow, panel.editSlot, panel.results, panel.ideas);
    }
  }
  panel.title.textContent = activity.prompt;
  panel.meta.textContent = `${typeLabel(activity.type)} · ${t(`phase_${activity.phase}`)}`
    + (activity.config.live_results ? ` · ${t("live_results")}` : "");
  fill(panel.results, h("h4", { text: t("results") }),
    resultsView(activity.type, activity.results, { detail: true, board: false })
      || h("p", { class: "empty", text: t("no_answers_yet") }));
  const tab = panel.board ? room.tabs.get(activity.id) || "ideas" : "ideas";
  document.getElementById("app").dataset.board = String(tab === "board");
  if (panel.tabs) {
    for (const button of panel.tabs.children) button.setAttribute("aria-selected", String(button.dataset.tab === tab));
    panel.ideas.hidden = tab !== "ideas";
    panel.board.element.hidden = tab !== "board";
    if (tab === "board") {
      panel.board.setPromoted(room.promoted[String(activity.id)]);
      panel.board.update(activity);
    }
  }
  if (panel.list) renderIdeas(activity);
}

/** The selected activity's editor (prompt and versions; settings while in draft). */
function openEditor(activityId) {
  const activity = agenda.activities.get(activityId);
  if (!activity || !panel || panel.id !== activityId) return;
  panel.editButton.hidden = true;
  fill(panel.editSlot, activityEditor(activity, {
    run,
    sources: ideaSources().filter((source) => source.value !== activityId),
    close: (saved) => {
      fill(panel.editSlot);
      panel.editButton.hidden = false;
      if (saved) notify(t("activity_saved"), "info");
    },
  }));
  panel.editSlot.querySelector("textarea").focus();
}

function buildIdeas(parts) {
  parts.count = h("h4", { class: "ideas-count" });
  parts.mergeTarget = h("select", { id: "merge-target" });
  parts.mergeButton = h("button", { type: "button", class: "primary small", dataset: { action: "merge" }, text: t("merge"),
    onclick: (event) => merge(event.currentTarget) });
  parts.mergeBar = h("div", { class: "merge-bar", hidden: true },
    h("label", { for: "merge-target", text: t("merge_into") }), parts.mergeTarget, parts.mergeButton);
  parts.list = h("ul", { class: "idea-list", id: "ideas" });
  parts.ideas.append(parts.count, parts.mergeBar, parts.list);
}

async function merge(button) {
  const targetId = Number.parseInt(panel.mergeTarget.value, 10);
  const sources = [...room.checked].filter((id) => id !== targetId);
  if (!targetId || !sources.length) return;
  const ack = await run("merge_ideas", { target_id: targetId, source_ids: sources }, button);
  if (ack.ok) {
    room.checked.clear();
    render();
  }
}

function renderIdeas(activity) {
  const ideas = [...room.ideas.values()].filter((idea) => idea.activity_id === activity.id).sort((a, b) => a.id - b.id);
  const children = new Map();
  for (const idea of ideas) {
    if (idea.merged_into !== null) children.set(idea.merged_into, [...(children.get(idea.merged_into) || []), idea]);
  }
  // Ideas waiting for approval first: they are the ones that need the moderator.
  const cards = ideas.filter((idea) => idea.merged_into === null)
    .sort((a, b) => Number(a.approved) - Number(b.approved) || a.id - b.id);
  const pending = cards.filter((idea) => !idea.approved && !idea.hidden).length;
  for (const id of [...room.checked]) if (!cards.some((idea) => idea.id === id)) room.checked.delete(id);
  panel.count.textContent = t("ideas_count", { count: num(ideas.length),
    cards: num(cards.filter((idea) => !idea.hidden && idea.approved).length) })
    + (pending ? ` · ${tn("pending_count", pending)}` : "");

  const checked = cards.filter((idea) => room.checked.has(idea.id));
  panel.mergeBar.hidden = checked.length < 2;
  if (checked.length >= 2) {
    const previous = panel.mergeTarget.value;
    fill(panel.mergeTarget, checked.map((idea) => h("option", { value: String(idea.id), text: shorten(idea.text) })));
    if (checked.some((idea) => String(idea.id) === previous)) panel.mergeTarget.value = previous;
  }
  keyed(panel.list, cards, {
    key: (idea) => idea.id,
    signature: (idea) => JSON.stringify([idea.text, idea.hidden, idea.approved, room.checked.has(idea.id), room.premoderation,
      (children.get(idea.id) || []).map((child) => [child.id, child.text, child.hidden])]),
    build: (idea) => ideaRow(idea, children.get(idea.id) || []),
  });
  if (!cards.length) panel.list.append(h("li", { class: "empty", dataset: { key: "empty" }, text: t("no_ideas") }));
}

const clockFormat = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });

function clock(isoTime) {
  const date = new Date(isoTime);
  return Number.isNaN(date.getTime()) ? "" : clockFormat.format(date);
}

function shorten(text) {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function ideaRow(idea, merged) {
  const actions = [];
  if (!idea.approved) {
    actions.push(h("button", { type: "button", class: "primary small", dataset: { action: "approve" }, text: t("approve"),
      onclick: (event) => run("approve_idea", { idea_id: idea.id }, event.currentTarget) }));
  }
  actions.push(idea.hidden
    ? h("button", { type: "button", class: "small", dataset: { action: "restore" }, text: t("restore"),
      onclick: (event) => run("restore_idea", { idea_id: idea.id }, event.currentTarget) })
    : h("button", { type: "button", class: "small danger", dataset: { action: "hide" }, text: t("hide"),
      onclick: (event) => run("hide_idea", { idea_id: idea.id }, event.currentTarget) }));
  const box = h("input", { type: "checkbox", checked: room.checked.has(idea.id), "aria-label": t("select_for_merge"),
    onchange: (event) => {
      if (event.target.checked) room.checked.add(idea.id);
      else room.checked.delete(idea.id);
      render();
    } });
  const badges = [];
  if (idea.hidden) badges.push(h("span", { class: "badge badge-hidden", text: t("hidden") }));
  if (!idea.approved) badges.push(h("span", { class: "badge badge-pending", text: t("awaiting_approval") }));
  if (merged.length) badges.push(h("span", { class: "badge", text: tn("merged_count", merged.length) }));
  return h("li", { class: "idea-row", dataset: { ideaId: idea.id, hidden: String(idea.hidden), approved: String(idea.approved) } },
    h("div", { class: "idea-line" }, box,
      h("p", { class: "idea-text", dir: "auto", text: idea.text }),
      h("time", { class: "idea-time", datetime: idea.created_at, text: clock(idea.created_at),
        title: t("received_at", { time: clock(idea.created_at) }) }),
      h("div", { class: "idea-actions" }, actions)),
    badges.length ? h("p", { class: "idea-badges" }, badges) : null,
    merged.length ? h("ul", { class: "merged-ideas", "aria-label": t("merged_ideas") }, merged.map((child) => h("li", {
      class: "merged-idea", dataset: { ideaId: child.id, hidden: String(child.hidden) } },
    h("span", { class: "idea-text", dir: "auto", text: child.text }),
    child.hidden ? h("span", { class: "badge badge-hidden", text: t("hidden") }) : null,
    h("button", { type: "button", class: "small", dataset: { action: "unmerge" }, text: t("unmerge"),
      onclick: (event) => run("unmerge_idea", { idea_id: child.id }, event.currentTarget) })))) : null);
}

// Room settings ---------------------------------------------------------------------------------------------

premoderation.addEventListener("change", async () => {
  const wanted = premoderation.checked;
  const ack = await run("set_premoderation", { enabled: wanted }, premoderation);
  if (ack.ok) room.premoderation = wanted;
  render();
});

document.getElementById("clear-screen").addEventListener("click", (event) => {
  run("show_activity", { activity_id: null }, event.currentTarget);
});

// New activity ---------------------------------------------------------------------------------------------

const form = document.getElementById("create-form");
const typeSelect = form.elements.type;
const configBox = document.getElementById("config-fields");
let config = null;
let lists = [];

// A type made elsewhere (the barometer's questionnaire, from its console) is not offered here.
typeSelect.append(...Object.keys(ACTIVITY_TYPES).filter((type) => described(type).in_menu !== false)
  .map((type) => h("option", { value: type, text: typeLabel(type) })));

/** The brainstorms and word clouds, numbered as the agenda numbers them (from 1). */
function ideaSources() {
  return agenda.ordered().map((activity, index) => ({ activity, number: index + 1 }))
    .filter(({ activity }) => inputKind(activity.type) === "idea")
    .map(({ activity, number }) => ({ value: activity.id, label: `${num(number)}. ${shorten(activity.prompt)}` }));
}

let shownSources = "";

/** What the form's lists are drawn from: the idea activities, and the agenda when the type names an activity. */
function sourcesOf(type) {
  return JSON.stringify([ideaSources(), listsActivities(type) ? agenda.ordered().map((activity) => activity.id) : []]);
}

function showConfig() {
  const sources = ideaSources();
  shownSources = sourcesOf(typeSelect.value);
  config = configForm(typeSelect.value, { sources, activities: agenda.ordered() });
  lists = listVersions(typeSelect.value); // options or items in other languages, line by line
  fill(configBox, config.element, lists.map((list) => list.element));
  form.elements.live_results.checked = described(typeSelect.value).default_live_results;
}

/** Votes on ideas or clusters list the idea activities: keep the list current (only when it changed). */
function refreshSources() {
  if (!usesSources(typeSelect.value) || form.contains(document.activeElement)) return;
  if (sourcesOf(typeSelect.value) !== shownSources) showConfig();
}

typeSelect.addEventListener("change", showConfig);
showConfig();
const promptVersions = versionInputs("prompt", t("edit_prompt"), {}, { multiline: true, maxlength: 500 });
document.getElementById("new-prompt-versions").append(promptVersions.element);

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = form.querySelector("button[type=submit]");
  const settings = { ...config.read(), live_results: form.elements.live_results.checked };
  const ack = await run("create_activity", {
    type: typeSelect.value,
    prompt: form.elements.prompt.value.trim(),
    config: settings,
    versions: versionsOf(lists, settings, promptVersions.read()),
  }, button);
  if (ack.ok) {
    form.elements.prompt.value = "";
    promptVersions.set({});
    room.selectedId = ack.activity_id;
    notify(t("activity_added"), "info");
    render();
  }
});

connection.start();
