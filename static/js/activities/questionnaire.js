// The self-assessment on a phone: pick the organisation and role, then one domain per screen, each statement
// answered on its four anchored levels or « non applicable », with optional evidence and comment.
//
// Every answer is its own outbox action (``answer_item``, with the organisation and role), so a phone that drops
// keeps what it answered and the server records each answer once (op_id). The questionnaire, the organisations,
// the roles and this phone's earlier answers come from the server (``questionnaire_state``), never from copies
// here; answers still waiting in the outbox are laid over them, so a reload shows them too.

import { h, num, page, t } from "../dom.js";
import { storage } from "../socket.js";
import { bars, summary } from "./result_parts.js";

const LEVELS = ["1", "2", "3", "4"];
const NOT_APPLICABLE = "na";

/** The text in the page's language, else French (the questionnaire's base language). */
function text(labels) {
  return (labels && (labels[page.lang] || labels.fr)) || "";
}

export default {
  name: "questionnaire",

  mount(root, activity, api) {
    let state = null; // the server's questionnaire_state ack
    let answers = {}; // item key → {level, evidence, comment}, as the server and the outbox know them
    let who = { organisation: null, role: null };
    let screen = -1; // -1: who answers; 0…n-1: a domain; n: done

    const status = h("p", { class: "ballot-status", "aria-live": "polite" });
    const body = h("div", { class: "questionnaire" });
    root.append(body, status);

    const open = () => activity.phase === "open";
    const domains = () => (state ? state.template.domains : []);
    const itemCount = () => domains().reduce((total, domain) => total + domain.items.length, 0);
    const answeredCount = () => domains().reduce((total, domain) =>
      total + domain.items.filter((item) => answers[item.key]).length, 0);

    function waiting() {
      return api.pending("answer_item").filter((queued) => queued.payload.activity_id === activity.id);
    }

    // The last questionnaire this phone received: a page reloaded while the Wi-Fi is down still shows it, with the
    // answers waiting in the outbox laid over the ones the server had confirmed.
    const cacheKey = `workshop:questionnaire:${page.code}:${activity.id}`;

    async function load() {
      try {
        const ack = await api.request("questionnaire_state", { activity_id: activity.id });
        if (!ack.ok) {
          status.textContent = ack.error ? ack.error.message : t("no_answer");
          return;
        }
        state = ack;
        storage.set(cacheKey, JSON.stringify(ack));
      } catch {
        if (!state) {
          try {
            state = JSON.parse(storage.get(cacheKey) || "null");
          } catch {
            state = null;
          }
        }
        if (!state) {
          status.textContent = t("not_connected");
          return;
        }
      }
      answers = { ...state.mine.answers };
      who = { organisation: state.mine.organisation, role: state.mine.role };
      for (const queued of waiting()) {
        const { item, level, evidence, comment, organisation, role } = queued.payload;
        answers[item] = { level, evidence: evidence || "", comment: comment || "" };
        who = { organisation, role };
      }
      if (screen === -1 && who.organisation && who.role) {
        const first = domains().findIndex((domain) => domain.items.some((item) => !answers[item.key]));
        screen = first === -1 ? domains().length : first;
      }
      status.textContent = "";
      draw();
    }

    function save(item, changes) {
      const previous = answers[item.key] || { level: null, evidence: "", comment: "" };
      const next = { ...previous, ...changes };
      if (!next.level) {
        answers[item.key] = next; // evidence typed before a level: sent with the level
        return;
      }
      answers[item.key] = next;
      api.send("answer_item", { activity_id: activity.id, organisation: who.organisation, role: who.role,
        item: item.key, level: next.level, evidence: next.evidence, comment: next.comment });
      progressLine();
      showStatus();
    }

    function choiceList(name, values, label, current, onchoose) {
      return h("fieldset", { class: "questionnaire-who" }, h("legend", { text: label }),
        values.map(([value, caption]) => h("label", { class: "survey-choice" },
          h("input", { type: "radio", name, value, checked: current === value, disabled: !open(),
            onchange: () => onchoose(value) }),
          h("span", { text: caption, dir: "auto" }))));
    }

    function drawWho() {
      const organisations = state.organisations.map((organisation) => [organisation.slug, organisation.name]);
      const start = h("button", { type: "button", class: "primary", text: t("questionnaire_start"),
        disabled: !(who.organisation && who.role) || !open(),
        onclick: () => goTo(0) });
      body.append(h("p", { class: "field-hint", text: t("questionnaire_intro") }));
      if (!organisations.length) {
        body.append(h("p", { class: "waiting-note", text: t("questionnaire_no_organisation") }));
        return;
      }
      body.append(
        choiceList(`organisation-${activity.id}`, organisations, t("questionnaire_organisation"), who.organisation,
          (value) => {
            who.organisation = value;
            start.disabled = !(who.organisation && who.role);
          }),
        choiceList(`role-${activity.id}`, state.roles.map((role) => [role, t(`capacity_role_${role}`)]),
          t("questionnaire_role"), who.role, (value) => {
            who.role = value;
            start.disabled = !(who.organisation && who.role);
          }),
        start);
    }

    const progress = h("p", { class: "survey-progress", "aria-live": "polite" });
    const meter = h("progress", { class: "survey-meter" });

    function progressLine() {
      meter.max = itemCount();
      meter.value = answeredCount();
      progress.textContent = `${t("questionnaire_domain_progress", { number: num(Math.min(screen + 1,
        domains().length)), total: num(domains().length) })} · ${t("questionnaire_answered", {
        answered: num(answeredCount()), total: num(itemCount()) })}`;
    }

    function drawItem(item) {
      const mine = answers[item.key] || {};
      const name = `item-${activity.id}-${item.key}`;
      const choices = [...LEVELS, NOT_APPLICABLE].map((level) => h("label", { class: "survey-choice level-choice" },
        h("input", { type: "radio", name, value: level, checked: mine.level === level, disabled: !open(),
          onchange: () => save(item, { level }) }),
        h("span", {}, h("strong", { text: t(`capacity_level_${level}`) }),
          level === NOT_APPLICABLE ? null : h("span", { class: "level-anchor", dir: "auto",
            text: text(item.levels[level]) }))));
      const evidence = h("input", { type: "text", maxlength: "500", value: mine.evidence || "", disabled: !open(),
        onchange: (event) => save(item, { evidence: event.target.value.trim() }) });
      const comment = h("input", { type: "text", maxlength: "500", value: mine.comment || "", disabled: !open(),
        onchange: (event) => save(item, { comment: event.target.value.trim() }) });
      return h("fieldset", { class: "survey-step questionnaire-item", dataset: { item: item.key } },
        h("legend", { class: "survey-question", dir: "auto", text: text(item.labels) }),
        h("div", { class: "survey-choices" }, choices),
        h("details", { class: "questionnaire-notes", open: Boolean(mine.evidence || mine.comment) },
          h("summary", { text: t("questionnaire_comment") }),
          h("label", {}, h("span", { text: t("questionnaire_evidence") }), evidence),
          h("label", {}, h("span", { text: t("questionnaire_comment") }), comment)));
    }

    function drawDomain() {
      const domain = domains()[screen];
      body.append(progress, meter, h("h3", { class: "questionnaire-domain", dir: "auto", text: text(domain.labels) }),
        ...domain.items.map(drawItem),
        h("div", { class: "survey-nav" },
          h("button", { type: "button", class: "secondary", text: t("questionnaire_previous"),
            onclick: () => goTo(screen - 1) }),
          h("button", { type: "button", class: "primary", text: t("questionnaire_next"),
            onclick: () => goTo(screen + 1) })));
      progressLine();
    }

    function drawDone() {
      body.append(progress, meter, h("p", { class: "survey-done", text: t("questionnaire_done") }),
        h("button", { type: "button", class: "secondary", text: t("questionnaire_previous"),
          onclick: () => goTo(domains().length - 1) }));
      progressLine();
    }

    /** Another screen: drawn, and shown from its top (a long domain scrolls). */
    function goTo(next) {
      screen = next;
      draw();
      body.scrollIntoView({ block: "start" });
    }

    function draw() {
      body.textContent = "";
      if (!state) return;
      if (screen >= 0 && screen < domains().length) drawDomain();
      else if (screen >= domains().length) drawDone();
      else drawWho();
      if (screen >= 0) {
        body.append(h("button", { type: "button", class: "link", text: t("questionnaire_change_who"),
          onclick: () => goTo(-1) }));
      }
      showStatus();
    }

    /** Whether this phone's answers are all with the server, or some still wait in the outbox. */
    function showStatus() {
      const queued = waiting().length;
      status.dataset.status = queued ? "waiting" : "sent";
      status.textContent = queued ? t("waiting") : answeredCount() ? t("sent") : "";
    }

    api.onSettled((queued, ack) => {
      if (queued.event !== "answer_item" || queued.payload.activity_id !== activity.id || !root.isConnected) return;
      if (ack.ok) showStatus();
      else {
        status.dataset.status = "failed";
        status.textContent = ack.error ? ack.error.message : t("not_sent");
      }
    });
    // The facilitator edited the questionnaire (a statement added, reworded, removed): read it again, keep the screen.
    api.on("questionnaire_changed", (payload) => {
      if (root.isConnected && payload && payload.version) load();
    });
    api.onReconnect(() => {
      if (root.isConnected) load(); // the server's answers may be newer than the cached ones
    });
    load();
    return {
      update(nextActivity) {
        const reopened = nextActivity.phase !== activity.phase;
        activity = nextActivity;
        if (reopened) draw();
        else if (state) showStatus();
      },
    };
  },

  results(results) {
    const rows = results.organisations || [];
    const top = Math.max(0, ...rows.map((row) => row.respondents));
    return [
      summary(t("questionnaire_summary", { count: num(results.respondents ?? 0), organisations: num(rows.length) })),
      bars(rows.map((row) => ({ label: row.name, value: row.respondents, maximum: top,
        caption: `${num(row.respondents)} · ${t("questionnaire_complete")} ${num(row.complete)}` }))),
    ];
  },
};
