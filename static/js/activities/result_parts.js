// Pieces the activity types draw their results with: bars, a summary line, the breakdown by group of participants.
// Plain HTML, the same on phones, projector and console.

import { h, num, t } from "../dom.js";

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

/** One bar per row: {label, value, maximum, caption, rank?, note?, dataset?}. */
export function bars(rows) {
  return h("ol", { class: "bars" }, rows.map(bar));
}

export function summary(text) {
  return h("p", { class: "results-summary", text });
}

/** "Divided", "Mixed views", "Consensus": how far the room agrees on an item (null before two people scored it). */
export function agreementLabel(agreement) {
  return agreement && agreement.label ? t(`agreement_${agreement.label}`) : "";
}

/**
 * Per-group breakdown: one table per profile tag, items in the room's order, one column per group; ``value``
 * writes one group's result for one item (each prioritization type says which number it shows).
 */
export function groupTables(results, value) {
  const groups = results.groups || {};
  const tags = Object.keys(groups).filter((tag) => groups[tag].length);
  if (!tags.length) return null;
  const items = results.items || [];
  const pooled = tags.some((tag) => groups[tag].some((group) => group.group === "other"));
  // Groups under the minimum n never reach the page: the server pools them into "other" (or leaves them out).
  const groupName = (tag, group) => (group === "other" ? t("group_other") : t(`${tag}_${group}`));
  return h("section", { class: "results-groups" },
    h("h5", { text: t("groups_title") }),
    tags.map((tag) => h("div", { class: "table-scroll" }, h("table", { class: "data-table groups-table", dataset: { tag } },
      h("caption", { text: t(`groups_by_${tag}`) }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("item") }), groups[tag].map((group) => h("th", {
        scope: "col", dataset: { group: group.group },
      }, groupName(tag, group.group), h("span", { class: "group-n", text: ` (n = ${num(group.n)})` }))))),
      h("tbody", {}, items.map((item) => h("tr", {}, h("th", { scope: "row", dir: "auto", text: item.text }),
        groups[tag].map((group) => {
          const cell = (group.items || {})[String(item.id)];
          return h("td", { text: cell ? value(cell) : "–" });
        }))))))),
    pooled ? h("p", { class: "note small-group-note", text: t("small_group_hint") }) : null);
}
