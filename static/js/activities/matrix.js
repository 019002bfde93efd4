// Matrix: each item placed on impact (1–5) and feasibility (1–5); the projector draws the room's 2×2.

import { h, num, t } from "../dom.js";
import { quadrantChart } from "../svg.js";
import { ratingGrid } from "./ratings.js";
import { summary } from "./result_parts.js";

// The 2×2 matrix: feasibility across, impact up; the quadrant of "quick wins" top right.

/** An SVG drawing of the matrix results (items numbered; the legend beside it names them). */
function matrixView(results, { large = false } = {}) {
  const quadrant = (key) => ({ key, label: t(`quadrant_${key}`) });
  const drawing = quadrantChart({
    className: "matrix-svg", ariaLabel: t("matrix_label"), split: results.threshold ?? 3, format: num,
    quadrants: { topLeft: quadrant("major_projects"), topRight: quadrant("quick_wins"), bottomLeft: quadrant("thankless"),
      bottomRight: quadrant("fill_ins") },
    xLabel: t("matrix_feasibility"), yLabel: t("matrix_impact"),
    fontSize: large ? 17 : 13, radius: large ? 17 : 13, margin: large ? 52 : 44,
    points: (results.items || []).map((item, index) => ({ ...item, number: index + 1 }))
      .filter((item) => item.impact !== null && item.feasibility !== null)
      .map((item) => ({ x: item.feasibility, y: item.impact, number: item.number, className: `matrix-dot quadrant-${item.quadrant}`,
        data: { "data-item-id": item.id },
        title: `${item.text} — ${t("matrix_impact")} ${num(item.impact)}, ${t("matrix_feasibility")} ${num(item.feasibility)}` })),
  });
  const legend = h("ol", { class: "matrix-legend" }, (results.items || []).map((item, index) => h("li", {
    class: "matrix-legend-item", dataset: { itemId: item.id, quadrant: item.quadrant || "none" } },
  h("span", { class: `matrix-legend-number quadrant-${item.quadrant || "none"}`, text: num(index + 1) }),
  h("span", { class: "matrix-legend-text", dir: "auto", text: item.text }),
  h("span", { class: "matrix-legend-values", text: item.impact === null
    ? t("not_placed_yet")
    : `${t(`quadrant_${item.quadrant}`)} · ${t("matrix_impact")} ${num(item.impact)} · ${t("matrix_feasibility")} ${num(item.feasibility)} · n = ${num(item.n)}` }))));
  return h("div", { class: `matrix ${large ? "matrix-large" : ""}`.trim() }, h("div", { class: "matrix-drawing" }, drawing), legend);
}

export default {
  name: "matrix",

  mount(root, activity, api) {
    return ratingGrid(root, activity, api, {
      criteria: () => [
        { key: "impact", label: t("matrix_impact"), hint: t("matrix_impact_hint") },
        { key: "feasibility", label: t("matrix_feasibility"), hint: t("matrix_feasibility_hint") },
      ],
      complete: true,
      className: "matrix-items",
      intro: () => [h("p", { class: "choices-hint", text: t("matrix_instructions") })],
    });
  },

  results(results, { large }) {
    return [summary(t("results_respondents", { count: num(results.respondents ?? 0) })), matrixView(results, { large })];
  },
};
