// The activity types the pages know, mirroring the server's registry (workshop/activities/, one module each).
//
// A type's module holds its phone input (``mount``), its results (``results``), optionally its own config form
// (``configFields``; otherwise the form is built from the fields the server declares) and the projector view it
// wants (``projector``: "wall" or "cloud"; bars otherwise). Its input kind, limits and config fields come from
// the server as data (``described``), never copied here. The order below is the console's menu order.

import { h, t } from "../dom.js";
import brainstorm from "./brainstorm.js";
import criteriaScoring from "./criteria_scoring.js";
import { described } from "./described.js";
import dotVoting from "./dot_voting.js";
import { declaredFields } from "./fields.js";
import matrix from "./matrix.js";
import points100 from "./points_100.js";
import poll from "./poll.js";
import questionnaire from "./questionnaire.js";
import quiz from "./quiz.js";
import ranking from "./ranking.js";
import scale from "./scale.js";
import survey from "./survey.js";
import wordCloud from "./word_cloud.js";

export const ACTIVITY_TYPES = Object.fromEntries([brainstorm, wordCloud, poll, scale, quiz, dotVoting, criteriaScoring,
  matrix, ranking, points100, survey, questionnaire].map((type) => [type.name, type]));

/** "idea" or "ballot", as the server declares it (null for a type this page does not know). */
export function inputKind(type) {
  return ACTIVITY_TYPES[type] ? described(type).input_kind : null;
}

/** Where the projector shows the type: "wall", "cloud" or "bars". */
export function projectorView(type) {
  return (ACTIVITY_TYPES[type] && ACTIVITY_TYPES[type].projector) || "bars";
}

/**
 * The console's form for a new activity of ``type``: {element, read()}; ``sources`` are the idea activities,
 * ``activities`` the room's agenda (a quiz's post-test names its pre-test among them).
 */
export function configForm(type, { sources, activities = [] }) {
  const fields = described(type).config || [];
  const kind = ACTIVITY_TYPES[type];
  return kind.configFields ? kind.configFields(fields, { sources, activities }) : declaredFields(fields, { sources });
}

/**
 * Whether the type's form lists the room's idea activities (it votes on their ideas or clusters) or other
 * activities of the agenda (a quiz's post-test names its pre-test): the console keeps those lists current.
 */
export function usesSources(type) {
  return (described(type).config || []).some((field) => field.kind === "items" || field.kind === "activity");
}

/** Whether the type's form lists activities of the agenda (``activity`` fields). */
export function listsActivities(type) {
  return (described(type).config || []).some((field) => field.kind === "activity");
}

/**
 * The results of one activity, drawn by its type. ``detail`` (the console) adds what the room does not need on
 * the wall: per-criterion means, the breakdown by participant group, the sensitivity of a ranking to the weights.
 */
export function resultsView(type, results, { limit = 30, board = true, detail = false, large = false } = {}) {
  const kind = ACTIVITY_TYPES[type];
  if (!kind || !results) return null;
  // The server could not compute this activity's results from its stored data: say so, draw nothing.
  if (results.unavailable) return h("p", { class: "note results-unavailable", text: t("results_unavailable") });
  return h("div", { class: `results results-${type}` }, kind.results(results, { limit, board, detail, large }));
}
