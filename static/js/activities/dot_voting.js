// Dot voting: spend a budget of points on the ideas of an earlier activity, at most max_per_item each.

import { fill, h, num, t } from "../dom.js";
import { ballotBar } from "./answers.js";
import { bars, groupTables, summary } from "./result_parts.js";

export default {
  name: "dot_voting",

  mount(root, activity, api) {
    let points = new Map();
    const remaining = h("p", { class: "budget", "aria-live": "polite" });
    const list = h("ul", { class: "dot-targets" });
    const bar = ballotBar(activity, api, {
      read: () => [...points].filter(([, value]) => value > 0).map(([id, value]) => ({ target_id: id, points: value })),
      isEmpty: () => spent() === 0,
    });
    root.append(remaining, list, bar.element);

    function spent() {
      let total = 0;
      for (const value of points.values()) total += value;
      return total;
    }

    function change(id, delta) {
      points.set(id, Math.max(0, (points.get(id) || 0) + delta));
      bar.changed();
      render();
    }

    function render() {
      const { budget, max_per_item: maxPerItem } = activity.config;
      const targets = activity.targets || [];
      const known = new Set(targets.map((target) => target.id));
      if (!bar.dirty) {
        const mine = api.myBallot(activity.id);
        points = new Map(mine ? mine.allocations.map((allocation) => [allocation.target_id, allocation.points]) : []);
      }
      for (const id of [...points.keys()]) if (!known.has(id)) points.delete(id); // merged or hidden since
      const left = budget - spent();
      const active = document.activeElement;
      const row = active && list.contains(active) ? active.closest(".dot-target") : null;
      const focused = row ? { id: row.dataset.targetId, button: active.className } : null;
      const open = activity.phase === "open";
      remaining.textContent = t("points_left", { left: num(left), budget: num(budget) });
      remaining.dataset.left = String(left);
      fill(list, targets.map((target) => {
        const value = points.get(target.id) || 0;
        return h("li", { class: "dot-target", dataset: { targetId: target.id, points: value } },
          h("span", { class: "dot-text", dir: "auto", text: target.text }),
          h("span", { class: "dot-controls" },
            h("button", { type: "button", class: "dot-minus", text: "−", "aria-label": t("action_on_item", { action: t("remove_point"), item: target.text }),
              disabled: !open || value === 0, onclick: () => change(target.id, -1) }),
            h("output", { class: "dot-count", text: num(value) }),
            h("button", { type: "button", class: "dot-plus", text: "+", "aria-label": t("action_on_item", { action: t("add_point"), item: target.text }),
              disabled: !open || left <= 0 || value >= maxPerItem, onclick: () => change(target.id, 1) })));
      }));
      if (focused) list.querySelector(`[data-target-id="${focused.id}"] .${focused.button}`)?.focus();
      if (!targets.length) list.append(h("li", { class: "empty", text: t("nothing_to_vote_on") }));
      bar.update(activity);
    }

    render();
    return {
      update(next) {
        activity = next;
        render();
      },
    };
  },

  results(results, { limit, detail }) {
    const items = (results.items || []).slice(0, limit);
    const top = Math.max(1, ...items.map((item) => item.points));
    return [
      summary(t("results_voters", { count: num(results.voters ?? 0) })),
      bars(items.map((item) => ({
        label: item.text, value: item.points, maximum: top, rank: item.rank, dataset: { itemId: item.id },
        caption: t("points_voters", { points: num(item.points), voters: num(item.voters) }),
      }))),
      detail ? groupTables(results, (cell) => num(cell.points)) : null,
    ];
  },
};
