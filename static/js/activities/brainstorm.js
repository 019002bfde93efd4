// Brainstorm: open ideas, sent one by one; the projector shows them on the wall.

import { h, num, t, tn } from "../dom.js";
import { answerForm } from "./answers.js";
import { clusterBoard } from "./board.js";
import { summary } from "./result_parts.js";

function characters(text) {
  return [...text].length;
}

export default {
  name: "brainstorm",
  projector: "wall", // the cards as they arrive, then the clusters

  mount(root, activity, api) {
    const maximum = activity.config.max_length;
    return answerForm(root, activity, api, {
      // No maxlength: a pasted text longer than the limit would be cut without a word. The counter says the limit
      // before anything is typed, and the check refuses to send until the text fits.
      field: h("textarea", { rows: 4, autocomplete: "off" }),
      label: t("your_idea"),
      limit: activity.config.max_per_participant,
      check: (text) => (characters(text) > maximum ? t("too_long", { maximum: num(maximum) }) : ""),
      counterText: (text) => tn("character_count", characters(text), { maximum: num(maximum) }),
    });
  },

  results(results, { board }) {
    const parts = [summary(t("results_ideas", { ideas: num(results.ideas ?? 0), contributors: num(results.contributors ?? 0) }))];
    if (board && results.board && (results.board.clusters || []).length) parts.push(clusterBoard(results.board));
    return parts;
  },
};
