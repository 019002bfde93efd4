// Ranking: put the items in order with up and down buttons (no dragging on a phone); the first ones count.

import { fill, h, num, t, tn } from "../dom.js";
import { ballotBar } from "./answers.js";
import { bars, groupTables, summary } from "./result_parts.js";

export default {
  name: "ranking",

  mount(root, activity, api) {
    let order = []; // target ids, first = my top priority
    const hint = h("p", { class: "choices-hint" });
    const list = h("ol", { class: "rank-list" });
    const bar = ballotBar(activity, api, {
      read: () => order.slice(0, maxRanked()).map((id, index) => ({ target_id: id, points: index + 1 })),
      isEmpty: () => order.length === 0,
    });
    root.append(hint, list, bar.element);

    function maxRanked() {
      return activity.config.max_ranked || 10;
    }

    function move(index, delta) {
      const next = index + delta;
      if (next < 0 || next >= order.length) return;
      [order[index], order[next]] = [order[next], order[index]];
      bar.changed();
      render({ id: order[next], direction: delta < 0 ? "up" : "down" });
    }

    function render(focus) {
      const targets = activity.targets || [];
      const texts = new Map(targets.map((target) => [target.id, target.text]));
      if (!bar.dirty) {
        const mine = api.myBallot(activity.id);
        const ranked = mine ? [...mine.allocations].sort((a, b) => a.points - b.points).map((a) => a.target_id) : [];
        order = ranked;
      }
      // Items ranked first, in my order; then the others, as the room lists them.
      order = order.filter((id) => texts.has(id));
      for (const target of targets) if (!order.includes(target.id)) order.push(target.id);
      const counted = Math.min(maxRanked(), order.length);
      hint.textContent = order.length > counted ? tn("ranking_instructions_top", counted)
        : t("ranking_instructions");
      const open = activity.phase === "open";
      fill(list, order.map((id, index) => h("li", { class: "rank-item", dataset: { targetId: id, position: index + 1,
        counted: String(index < counted) } },
      h("span", { class: "rank-position", text: index < counted ? num(index + 1) : "–" }),
      h("span", { class: "rank-text", dir: "auto", text: texts.get(id) }),
      h("span", { class: "rank-controls" },
        h("button", { type: "button", class: "rank-up", text: "↑", "aria-label": t("action_on_item", { action: t("move_up"), item: texts.get(id) }),
          disabled: !open || index === 0, onclick: () => move(index, -1) }),
        h("button", { type: "button", class: "rank-down", text: "↓", "aria-label": t("action_on_item", { action: t("move_down"), item: texts.get(id) }),
          disabled: !open || index === order.length - 1, onclick: () => move(index, 1) })))));
      if (!order.length) list.append(h("li", { class: "empty", text: t("nothing_to_vote_on") }));
      if (focus) {
        const row = list.querySelector(`[data-target-id="${focus.id}"]`);
        const button = row && row.querySelector(focus.direction === "up" ? ".rank-up" : ".rank-down");
        (button && !button.disabled ? button : row && row.querySelector("button:not(:disabled)"))?.focus();
      }
      // The room's order is a valid ballot too: whoever agrees with it can send it as it is.
      if (!bar.dirty && !api.myBallot(activity.id) && order.length && open) bar.changed();
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
    const top = Math.max(1, ...items.map((item) => item.points || 0));
    return [
      summary(t("results_respondents", { count: num(results.respondents ?? 0) })),
      bars(items.map((item) => ({
        label: item.text, value: item.points, maximum: top, rank: item.rank, dataset: { itemId: item.id },
        caption: t("results_borda_points", { points: num(item.points) }),
        note: t("results_first_places", { count: num(item.first_places) }),
      }))),
      detail ? groupTables(results, (cell) => num(cell.points)) : null,
    ];
  },
};
