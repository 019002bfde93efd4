// What the phone modules share: the "type an answer, see it sent" flow and the ballot's send bar.

import { fill, h, t } from "../dom.js";

/** One of my answers with its delivery state; the state is a data attribute (for styles and tests) and visible text. */
function myAnswer(answer) {
  const stateText = { sent: t("sent"), waiting: t("waiting"), hidden: t("hidden_by_moderation"),
    failed: answer.error || t("not_sent") }[answer.status];
  return h("li", { class: "my-answer", dataset: { status: answer.status } },
    h("span", { class: "my-answer-text", dir: "auto", text: answer.text }),
    h("span", { class: "my-answer-status", text: stateText }),
    answer.approved === false && answer.status !== "hidden" ? h("span", { class: "my-answer-note", text: t("awaiting_review") }) : null);
}

/**
 * The text-answer flow of brainstorm and word cloud. ``check(text)`` returns an error sentence or "".
 * ``field`` is the input or textarea; the form, counter and list of my answers are built here.
 */
export function answerForm(root, activity, api, { field, label, limit, check, counterText }) {
  const fieldId = `answer-${activity.id}`;
  field.id = fieldId;
  field.name = "answer";
  field.dir = "auto"; // an Arabic answer on a French page, or the reverse, keeps its own direction
  const hint = h("p", { class: "field-hint", id: `${fieldId}-hint`, "aria-live": "polite" });
  field.setAttribute("aria-describedby", hint.id);
  const button = h("button", { type: "submit", class: "primary", text: t("send") });
  const quota = h("p", { class: "quota" });
  const list = h("ul", { class: "my-answers", "aria-label": t("my_answers") });
  const listTitle = h("h3", { class: "my-answers-title", text: t("my_answers") });

  const form = h("form", { class: "answer-form", novalidate: true }, h("label", { for: fieldId, text: label }), field,
    hint, button);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = field.value.replace(/\s+/g, " ").trim();
    const problem = text ? check(text) : t("write_first");
    if (problem) {
      hint.textContent = problem;
      hint.dataset.error = "true";
      field.focus();
      return;
    }
    api.submitIdea(activity.id, text);
    field.value = "";
    refresh();
    field.focus();
  });
  field.addEventListener("input", () => refresh());
  root.append(form, quota, listTitle, list);

  function refresh() {
    const answers = api.myAnswers(activity.id);
    const given = answers.filter((answer) => answer.status !== "failed").length; // a hidden idea still counts
    const open = activity.phase === "open";
    const full = given >= limit;
    field.disabled = !open || full;
    button.disabled = !open || full;
    form.hidden = !open;
    quota.textContent = open
      ? (full ? t("quota_reached", { maximum: limit }) : t("quota", { count: given, maximum: limit }))
      : t("activity_closed");
    const problem = field.value.trim() ? check(field.value.replace(/\s+/g, " ").trim()) : "";
    hint.textContent = problem || counterText(field.value);
    hint.dataset.error = problem ? "true" : "false";
    listTitle.hidden = answers.length === 0;
    fill(list, answers.map(myAnswer));
  }

  refresh();
  return {
    update(next) {
      activity = next;
      refresh();
    },
  };
}

/**
 * The bottom of a ballot: send button and where the ballot stands (sent, waiting, changed, not sent).
 * ``canSend()`` false keeps the button disabled (a 100-points ballot that does not add up to 100 yet).
 */
export function ballotBar(activity, api, { read, isEmpty, canSend = () => true }) {
  const status = h("p", { class: "ballot-status", "aria-live": "polite" });
  const button = h("button", { type: "button", class: "primary", text: t("send_vote") });
  let dirty = false;
  button.addEventListener("click", () => {
    api.castVotes(activity.id, read());
    dirty = false;
    refresh();
  });

  function refresh() {
    const mine = api.myBallot(activity.id);
    const open = activity.phase === "open";
    // Nothing new to send unless the ballot changed, or the last attempt was refused and may be fixed and resent.
    // An empty ballot only makes sense to withdraw one already sent.
    button.disabled = !open || !(dirty || (mine && mine.status === "failed")) || (!mine && isEmpty()) || !canSend();
    button.hidden = !open;
    let state = "none";
    if (dirty) state = mine ? "changed" : "none";
    else if (mine) state = mine.status;
    status.dataset.status = state;
    status.textContent = {
      none: open ? t("vote_not_sent") : t("activity_closed"),
      changed: t("vote_changed"),
      sent: open ? t("vote_sent") : `${t("vote_sent")} · ${t("activity_closed")}`,
      waiting: t("waiting"),
      failed: mine && mine.error ? mine.error : t("not_sent"),
    }[state];
  }

  return {
    element: h("div", { class: "ballot-bar" }, button, status),
    changed() {
      dirty = true;
      refresh();
    },
    get dirty() {
      return dirty;
    },
    update(next) {
      activity = next;
      refresh();
    },
  };
}
