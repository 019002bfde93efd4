// Results as plain HTML bars, the same on phones, projector and console (the word cloud is the projector's own).
//
// ``detail`` (the console) adds what the room does not need on the wall: per-criterion means, the breakdown by
// participant group and the sensitivity of the ranking to the weights.

import { h, num, percent, t } from "./dom.js";
import { quadrantChart } from "./svg.js";

function bar({ label, value, maximum, caption, rank, note, dataset }) {
  const fill = h("span", { class: "bar-fill" });
  fill.style.inlineSize = `${maximum > 0 ? Math.max(0, Math.min(100, (100 * (value || 0)) / maximum)) : 0}%`;
  return h("li", { class: "bar-row", dataset },
    h("span", { class: "bar-label" }, rank ? h("span", { class: "bar-rank", text: num(rank) }) : null,
      h("span", { class: "bar-text", dir: "auto", text: label })),
    h("span", { class: "bar-track", "aria-hidden": "true" }, fill),
    h("span", { class: "bar-value", text: caption }),
    note ? h("span", { class: "bar-note", text: note }) : null);
}

function bars(rows) {
  return h("ol", { class: "bars" }, rows.map(bar));
}

function summary(text) {
  return h("p", { class: "results-summary", text });
}

/** "Divided", "Mixed views", "Consensus": how far the room agrees on an item (null before two people scored it). */
export function agreementLabel(agreement) {
  return agreement && agreement.label ? t(`agreement_${agreement.label}`) : "";
}

/** The clusters as columns of cards, then the ideas in no cluster (read-only: phones and projector). */
export function clusterBoard(board, { showUnclustered = true } = {}) {
  const columns = (board.clusters || []).map((cluster) => boardColumn(cluster.label, cluster.ideas,
    { clusterId: cluster.id }));
  if (showUnclustered && (board.unclustered || []).length) {
    columns.push(boardColumn(t("unclustered"), board.unclustered, { clusterId: "none" }, "board-column-loose"));
  }
  return h("div", { class: "board-view", dataset: { columns: String(columns.length) } }, columns);
}

function boardColumn(label, ideas, dataset, extra = "") {
  return h("section", { class: `board-column ${extra}`.trim(), dataset },
    h("h4", { class: "board-column-title" }, h("span", { dir: "auto", text: label }),
      h("span", { class: "board-column-count", text: num(ideas.length) })),
    h("ul", { class: "board-cards" }, ideas.map((idea) => h("li", { class: "board-card", dir: "auto",
      dataset: { ideaId: idea.id }, text: idea.text }))));
}

// Per-group breakdown: one table per profile tag, items in the room's order, one column per group.
const GROUP_VALUE = {
  criteria_scoring: (cell) => (cell.score === null || cell.score === undefined ? "–" : num(cell.score)),
  ranking: (cell) => num(cell.points),
  points_100: (cell) => num(cell.total),
  dot_voting: (cell) => num(cell.points),
};

function groupTables(type, results) {
  const groups = results.groups || {};
  const value = GROUP_VALUE[type];
  const tags = Object.keys(groups).filter((tag) => groups[tag].length);
  if (!value || !tags.length) return null;
  const items = results.items || [];
  const anySmall = tags.some((tag) => groups[tag].some((group) => group.small_group));
  return h("section", { class: "results-groups" },
    h("h5", { text: t("groups_title") }),
    tags.map((tag) => h("div", { class: "table-scroll" }, h("table", { class: "data-table groups-table", dataset: { tag } },
      h("caption", { text: t(`groups_by_${tag}`) }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("item") }), groups[tag].map((group) => h("th", {
        scope: "col", class: group.small_group ? "small-group" : null, dataset: { group: group.group },
        title: group.small_group ? t("small_group_hint") : null,
      }, t(`${tag}_${group.group}`), h("span", { class: "group-n", text: ` (n = ${num(group.n)})` }),
      group.small_group ? h("span", { class: "small-group-mark", text: " ⚠" }) : null)))),
      h("tbody", {}, items.map((item) => h("tr", {}, h("th", { scope: "row", dir: "auto", text: item.text }),
        groups[tag].map((group) => {
          const cell = (group.items || {})[String(item.id)];
          return h("td", { class: group.small_group ? "small-group" : null, text: cell ? value(cell) : "–" });
        }))))))),
    anySmall ? h("p", { class: "note small-group-note", text: `⚠ ${t("small_group_hint")}` }) : null);
}

function scenarioText(scenario) {
  if (scenario.kind === "equal_weights") return t("scenario_equal_weights");
  const criterion = scenario.criterion ? t(`criterion_${scenario.criterion}`) : "";
  return t(`scenario_${scenario.kind}`, { criterion });
}

function sensitivityView(results) {
  const sensitivity = results.sensitivity;
  if (!sensitivity || !(results.items || []).some((item) => item.rank)) return null;
  const texts = new Map((results.items || []).map((item) => [item.id, item.text]));
  const changed = (sensitivity.scenarios || []).filter((scenario) => scenario.top_1_changed || scenario.top_3_changed);
  return h("section", { class: "results-sensitivity", dataset: { stable: String(sensitivity.stable) } },
    h("h5", { text: t("sensitivity_title") }),
    h("p", { class: `sensitivity-verdict ${sensitivity.stable ? "is-stable" : "is-unstable"}`,
      text: sensitivity.stable ? t("sensitivity_stable") : t("sensitivity_unstable") }),
    changed.length ? h("ul", { class: "scenarios" }, changed.map((scenario) => h("li", {},
      h("strong", { text: scenarioText(scenario) }), " → ",
      (scenario.top || []).map((id, index) => h("span", { class: "scenario-item", dir: "auto",
        text: `${num(index + 1)}. ${texts.get(id) ?? id}` }))))) : null);
}

function criteriaTable(results) {
  const criteria = results.criteria || [];
  return h("div", { class: "table-scroll" }, h("table", { class: "data-table criteria-table" },
    h("caption", { text: t("criteria_means") }),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col", text: t("rank") }), h("th", { scope: "col", text: t("item") }),
      h("th", { scope: "col", text: t("score") }), h("th", { scope: "col", text: t("respondents") }),
      h("th", { scope: "col", text: t("agreement") }),
      criteria.map((criterion) => h("th", { scope: "col", text: `${t(`criterion_${criterion}`)} (×${num(results.weights[criterion])})` })))),
    h("tbody", {}, (results.items || []).map((item) => h("tr", { dataset: { itemId: item.id } },
      h("td", { text: item.rank ? num(item.rank) : "–" }), h("th", { scope: "row", dir: "auto", text: item.text }),
      h("td", { text: item.score === null ? "–" : num(item.score) }), h("td", { text: num(item.respondents) }),
      h("td", { text: agreementLabel(item.agreement) || "–" }),
      criteria.map((criterion) => h("td", { text: item.criteria[criterion] === null ? "–" : num(item.criteria[criterion]) })))))));
}

// The 2×2 matrix: feasibility across, impact up; the quadrant of "quick wins" top right.

/** An SVG drawing of the matrix results (items numbered; the legend beside it names them). */
export function matrixView(results, { large = false } = {}) {
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

const RENDERERS = {
  brainstorm(results, { board }) {
    const parts = [summary(t("results_ideas", { ideas: num(results.ideas ?? 0), contributors: num(results.contributors ?? 0) }))];
    if (board && results.board && (results.board.clusters || []).length) parts.push(clusterBoard(results.board));
    return parts;
  },

  word_cloud(results, { limit }) {
    const words = (results.frequencies || []).slice(0, limit);
    const top = words.length ? words[0][1] : 0;
    return [
      summary(t("results_answers", { count: num(results.answers ?? 0) })),
      bars(words.map(([word, count]) => ({ label: word, value: count, maximum: top, caption: num(count) }))),
    ];
  },

  poll(results) {
    return [
      summary(t("results_respondents", { count: num(results.respondents ?? 0) })),
      bars((results.options || []).map((option) => ({
        label: option.label, value: option.percent, maximum: 100,
        caption: t("count_percent", { count: num(option.count), percent: percent(option.percent) }),
      }))),
    ];
  },

  scale(results) {
    const minimum = results.minimum ?? 1;
    const maximum = results.maximum ?? 5;
    return [
      summary(t("results_respondents", { count: num(results.respondents ?? 0) })),
      h("ol", { class: "scale-results" }, (results.items || []).map((item) => {
        const top = Math.max(1, ...(item.distribution || [0]));
        return h("li", { class: "scale-result" },
          h("p", { class: "scale-result-label", dir: "auto", text: item.label }),
          h("p", { class: "scale-result-mean", text: item.mean === null || item.mean === undefined
            ? t("no_answers_yet")
            : t("scale_mean", { mean: num(item.mean), maximum: num(maximum), count: num(item.count) }) }),
          h("ol", { class: "histogram", "aria-label": t("distribution") }, (item.distribution || []).map((count, index) => {
            const column = h("span", { class: "histogram-fill" });
            column.style.blockSize = `${(100 * count) / top}%`;
            return h("li", { class: "histogram-column" },
              h("span", { class: "histogram-count", text: num(count) }),
              h("span", { class: "histogram-track" }, column),
              h("span", { class: "histogram-value", text: num(minimum + index) }));
          })));
      })),
    ];
  },

  dot_voting(results, { limit, detail }) {
    const items = (results.items || []).slice(0, limit);
    const top = Math.max(1, ...items.map((item) => item.points));
    return [
      summary(t("results_voters", { count: num(results.voters ?? 0) })),
      bars(items.map((item) => ({
        label: item.text, value: item.points, maximum: top, rank: item.rank, dataset: { itemId: item.id },
        caption: t("points_voters", { points: num(item.points), voters: num(item.voters) }),
      }))),
      detail ? groupTables("dot_voting", results) : null,
    ];
  },

  criteria_scoring(results, { limit, detail }) {
    const items = (results.items || []).slice(0, limit);
    return [
      summary(t("results_respondents", { count: num(results.respondents ?? 0) })),
      h("p", { class: "results-weights", text: t("weights_used", { weights: (results.criteria || [])
        .map((criterion) => `${t(`criterion_${criterion}`)} ×${num(results.weights[criterion])}`).join(" · ") }) }),
      bars(items.map((item) => ({
        label: item.text, value: item.score, maximum: 100, rank: item.rank, dataset: { itemId: item.id },
        caption: item.score === null ? t("not_scored_yet") : t("score_out_of_100", { score: num(item.score) }),
        note: [agreementLabel(item.agreement), t("respondents_count", { count: num(item.respondents) }),
          item.tied ? t("tied") : ""].filter(Boolean).join(" · "),
      }))),
      detail ? criteriaTable(results) : null,
      detail ? sensitivityView(results) : null,
      detail ? groupTables("criteria_scoring", results) : null,
    ];
  },

  matrix(results, { large }) {
    return [summary(t("results_respondents", { count: num(results.respondents ?? 0) })), matrixView(results, { large })];
  },

  ranking(results, { limit, detail }) {
    const items = (results.items || []).slice(0, limit);
    const top = Math.max(1, ...items.map((item) => item.points || 0));
    return [
      summary(t("results_respondents", { count: num(results.respondents ?? 0) })),
      bars(items.map((item) => ({
        label: item.text, value: item.points, maximum: top, rank: item.rank, dataset: { itemId: item.id },
        caption: t("results_borda_points", { points: num(item.points) }),
        note: t("results_first_places", { count: num(item.first_places) }),
      }))),
      detail ? groupTables("ranking", results) : null,
    ];
  },

  points_100(results, { limit, detail }) {
    const items = (results.items || []).slice(0, limit);
    const top = Math.max(1, ...items.map((item) => item.total || 0));
    return [
      summary(t("results_respondents", { count: num(results.respondents ?? 0) })),
      bars(items.map((item) => ({
        label: item.text, value: item.total, maximum: top, rank: item.rank, dataset: { itemId: item.id },
        caption: t("points_total", { points: num(item.total) }),
        note: item.mean === null ? "" : t("points_mean_support", { mean: num(item.mean),
          percent: percent(item.percent_supporting ?? 0) }),
      }))),
      detail ? groupTables("points_100", results) : null,
    ];
  },
};

/**
 * A results block for an activity, or null when this type has nothing to draw or no results came yet.
 * ``board``: draw a brainstorm's clusters; ``detail``: the console's tables; ``large``: the projector.
 */
export function resultsView(type, results, { limit = 30, board = true, detail = false, large = false } = {}) {
  const render = RENDERERS[type];
  if (!render || !results) return null;
  return h("div", { class: `results results-${type}` }, render(results, { limit, board, detail, large }));
}
