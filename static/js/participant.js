// The phone page: the activity on screen now, my answers and how they travel, an optional profile.

import { ACTIVITY_TYPES, resultsView } from "./activities/index.js";
import { Agenda } from "./agenda.js";
import { batched, fill, h, notify, page, t } from "./dom.js";
import { Connection, Outbox, errorText } from "./socket.js";

const connection = new Connection({ code: page.code, role: "participant", lang: page.lang });
const outbox = new Outbox(connection);

const agenda = new Agenda(); // never drafts: they are the moderator's preparation
const room = {
  ready: false,
  myIdeas: [], // as the server knows them
  myBallots: {}, // activity id → allocations the server acknowledged
  failedIdeas: [], // refused by the server, shown until the page reloads
  failedBallots: {}, // activity id → {allocations, error}
  participant: null,
  profileOptions: {},
  organisationNames: {}, // slug → name: the event's organisations, named as they are (not translated)
};

const stage = document.getElementById("activity");
const render = batched(renderActivity);
let mounted = null; // {id, type, view, prompt, phase, results}
const reconnectListeners = [];

// What the activity modules may ask of the page.
const api = {
  submitIdea(activityId, text) {
    outbox.add("submit_idea", { activity_id: activityId, text: text.normalize("NFC") });
  },
  castVotes(activityId, allocations) {
    delete room.failedBallots[activityId];
    outbox.add("cast_votes", { activity_id: activityId, allocations });
  },
  myAnswers(activityId) {
    const known = room.myIdeas.filter((idea) => idea.activity_id === activityId);
    const claimed = new Set();
    const waiting = [];
    for (const item of outbox.pending("submit_idea")) {
      if (item.payload.activity_id !== activityId) continue;
      // Sent before a crash whose ack was lost: the server already lists it; the replay will confirm it.
      const twin = known.find((idea) => !claimed.has(idea.id) && (idea.op_id ? idea.op_id === item.op_id
        : idea.text === item.payload.text && Date.parse(idea.created_at) >= item.created - 60000));
      if (twin) claimed.add(twin.id);
      else waiting.push({ text: item.payload.text, status: "waiting" });
    }
    return [
      ...known.map((idea) => ({ text: idea.text, status: "sent", approved: idea.approved })),
      ...waiting,
      ...room.failedIdeas.filter((idea) => idea.activity_id === activityId)
        .map((idea) => ({ text: idea.text, status: "failed", error: idea.error })),
    ];
  },
  /** A command of a type's own (e.g. the questionnaire's ``answer_item``), queued in the outbox: sent in order,
   * replayed with its op_id after a drop or a reload. */
  send(event, payload) {
    outbox.add(event, payload);
  },
  /** Actions of ``event`` still waiting in the outbox (what this phone did that the server has not confirmed). */
  pending(event) {
    return outbox.pending(event);
  },
  /** A question to the server, answered in the ack (rejects when offline). */
  request(event, payload) {
    return connection.emitWithAck(event, payload);
  },
  /** Called with (item, ack) when the server answered one of this page's outbox actions. */
  onSettled(listener) {
    outbox.onSettled(listener);
  },
  /** Called with the payload of a server event a type listens to (e.g. ``questionnaire_changed``). */
  on(event, listener) {
    connection.on(event, listener);
  },
  /** Called with no argument on every (re)connect, once the room's state has arrived. */
  onReconnect(listener) {
    reconnectListeners.push(listener);
  },
  myBallot(activityId) {
    const waiting = outbox.pending("cast_votes").filter((item) => item.payload.activity_id === activityId).pop();
    if (waiting) return { allocations: waiting.payload.allocations, status: "waiting" };
    const failed = room.failedBallots[activityId];
    if (failed) return { allocations: failed.allocations, status: "failed", error: failed.error };
    const sent = room.myBallots[String(activityId)];
    return sent ? { allocations: sent, status: "sent" } : null;
  },
};

connection.on("room_state", (state) => {
  room.ready = true;
  agenda.load(state);
  room.myIdeas = state.my_ideas || [];
  room.myBallots = state.my_ballots || {};
  room.participant = state.participant;
  room.profileOptions = state.profile_options || {};
  room.organisationNames = state.organisation_names || {};
  showProfile();
  render();
  for (const listener of reconnectListeners) listener();
});
agenda.follow(connection, render);

outbox.onChange(render);
outbox.onSettled((item, ack) => {
  const payload = item.payload;
  if (item.event === "submit_idea") {
    if (ack.ok) {
      if (!room.myIdeas.some((idea) => idea.id === ack.idea_id)) {
        room.myIdeas.push({ id: ack.idea_id, activity_id: payload.activity_id, text: payload.text, op_id: item.op_id,
          approved: ack.approved, created_at: new Date().toISOString() });
      }
    } else {
      room.failedIdeas.push({ activity_id: payload.activity_id, text: payload.text, error: errorText(ack) });
    }
  } else if (item.event === "cast_votes") {
    if (ack.ok) room.myBallots[String(payload.activity_id)] = payload.allocations;
    else room.failedBallots[payload.activity_id] = { allocations: payload.allocations, error: errorText(ack) };
  } else if (item.event === "update_profile") {
    if (ack.ok) {
      room.participant = ack.participant;
      profileStatus("sent");
    } else {
      profileStatus("failed");
    }
  }
  if (!ack.ok) notify(errorText(ack));
  render();
});

function renderActivity() {
  if (!room.ready) return;
  const activity = agenda.current;
  const kind = activity && ACTIVITY_TYPES[activity.type];
  if (!activity || !kind) {
    mounted = null;
    fill(stage, h("p", { class: "waiting-note", text: t("waiting_for_activity") }));
    stage.dataset.activityId = "";
    return;
  }
  if (!mounted || mounted.id !== activity.id) {
    const body = h("div", { class: "activity-body" });
    mounted = {
      id: activity.id,
      prompt: h("h2", { class: "activity-prompt", dir: "auto" }),
      phase: h("p", { class: "phase" }),
      results: h("section", { class: "activity-results", "aria-label": t("results") }),
    };
    fill(stage, mounted.prompt, mounted.phase, body, mounted.results);
    stage.dataset.activityId = String(activity.id);
    stage.dataset.type = activity.type;
    mounted.view = kind.mount(body, activity, api);
  } else {
    mounted.view.update(activity);
  }
  stage.dataset.phase = activity.phase;
  mounted.prompt.textContent = activity.prompt;
  mounted.phase.textContent = t(`phase_${activity.phase}`);
  mounted.phase.dataset.phase = activity.phase;
  const results = activity.phase === "revealed" ? resultsView(activity.type, activity.results) : null;
  mounted.results.hidden = !results;
  fill(mounted.results, results ? [h("h3", { text: t("results") }), results] : []);
}

// The optional profile ------------------------------------------------------------------------------

const profileForm = document.getElementById("profile-form");

function profileStatus(state) {
  const status = document.getElementById("profile-status");
  status.dataset.status = state;
  status.textContent = { sent: t("profile_saved"), waiting: t("waiting"), failed: t("not_sent") }[state] || "";
}

function showProfile() {
  for (const [key, values] of Object.entries(room.profileOptions)) {
    const select = profileForm.elements[key];
    if (!select || select.options.length > 1) continue;
    if (key === "organisation") document.getElementById("organisation-field").hidden = false;
    select.append(...values.map((value) => h("option", { value,
      text: key === "organisation" ? room.organisationNames[value] || value : t(`${key}_${value}`) })));
  }
  const waiting = outbox.pending("update_profile").pop();
  const profile = waiting ? { pseudonym: waiting.payload.pseudonym, tags: waiting.payload.tags } : room.participant;
  if (!profile || profileForm.contains(document.activeElement)) return;
  profileForm.elements.pseudonym.value = profile.pseudonym || "";
  for (const key of Object.keys(room.profileOptions)) {
    if (profileForm.elements[key]) profileForm.elements[key].value = (profile.tags || {})[key] || "";
  }
  if (waiting) profileStatus("waiting");
}

profileForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const tags = {};
  for (const key of Object.keys(room.profileOptions)) {
    const value = profileForm.elements[key] ? profileForm.elements[key].value : "";
    if (value) tags[key] = value;
  }
  const pseudonym = profileForm.elements.pseudonym.value.trim();
  outbox.add("update_profile", { pseudonym: pseudonym || null, tags });
  profileStatus("waiting");
});

connection.start();
