// The idea wall as columns of cards, one per cluster, then the ideas in no cluster (read-only: phones, projector).

import { h, num, t } from "../dom.js";

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
    h("h3", { class: "board-column-title" }, h("span", { dir: "auto", text: label }),
      h("span", { class: "board-column-count", text: num(ideas.length) })),
    h("ul", { class: "board-cards" }, ideas.map((idea) => h("li", { class: "board-card", dir: "auto",
      dataset: { ideaId: idea.id }, text: idea.text }))));
}
