// 100 points: share 100 points among the items, with a live count of what is left.

import { fill, h, num, percent, t, tn } from "../dom.js";
import { ballotBar } from "./answers.js";
import { described } from "./described.js";
import { bars, groupTables, summary } from "./result_parts.js";

const STEP = 5;

export default {
  name: "points_100",

  mount(root, activity, api) {
    const BUDGET = described("points_100").limits.budget;
    let points = new Map();
    const remaining = h("p", { class: "budget points-left", "aria-live": "polite" });
    const list = h("ul", { class: "dot-targets points-targets" });
    const bar = ballotBar(activity, api, {
      read: () => [...points].filter(([, value]) => value > 0).map(([id, value]) => ({ target_id: id, points: value })),
      isEmpty: () => spent() === 0,
      canSend: () => (exact() ? spent() === BUDGET : spent() <= BUDGET),
    });
    root.append(h("p", { class: "choices-hint", text: t("points_instructions") }), remaining, list, bar.element);

    function exact() {
      return activity.config.exact !== false;
    }

    function spent() {
      let total = 0;
      for (const value of points.values()) total += value;
      return total;
    }

    function set(id, value) {
      points.set(id, Math.max(0, Math.min(BUDGET, Number.isFinite(value) ? Math.round(value) : 0)));
      bar.changed();
    }

    function build() {
      const targets = activity.targets || [];
      const signature = JSON.stringify(targets);
      if (list.dataset.signature === signature) return;
      list.dataset.signature = signature;
      fill(list, targets.map((target) => {
        const input = h("input", { type: "number", class: "points-input", min: 0, max: BUDGET, step: 1, inputmode: "numeric",
          "aria-label": t("action_on_item", { action: t("points"), item: target.text }),
          oninput: () => {
            set(target.id, Number.parseInt(input.value || "0", 10));
            summarize();
          },
          onchange: () => sync() });
        return h("li", { class: "dot-target points-target", dataset: { targetId: target.id } },
          h("span", { class: "dot-text", dir: "auto", text: target.text }),
          h("span", { class: "dot-controls" },
            h("button", { type: "button", class: "dot-minus", text: "−", "aria-label": t("action_on_item", { action: t("remove_points", { count: STEP }), item: target.text }),
              onclick: () => { set(target.id, (points.get(target.id) || 0) - STEP); sync(); } }),
            input,
            h("button", { type: "button", class: "dot-plus", text: "+", "aria-label": t("action_on_item", { action: t("add_points", { count: STEP }), item: target.text }),
              onclick: () => {
                const room = BUDGET - spent();
                set(target.id, (points.get(target.id) || 0) + Math.min(STEP, Math.max(0, room)));
                sync();
              } })));
      }));
      if (!targets.length) list.append(h("li", { class: "empty", text: t("nothing_to_vote_on") }));
    }

    function summarize() {
      const left = BUDGET - spent();
      remaining.dataset.left = String(left);
      remaining.dataset.valid = String(exact() ? left === 0 : left >= 0);
      remaining.textContent = left < 0 ? tn("points_over", -left, { budget: num(BUDGET) })
        : exact() && left > 0 ? t("points_left_exact", { left: num(left), budget: num(BUDGET) })
          : t("points_left", { left: num(left), budget: num(BUDGET) });
      const open = activity.phase === "open";
      for (const row of list.querySelectorAll(".points-target")) {
        const value = points.get(Number(row.dataset.targetId)) || 0;
        row.dataset.points = String(value);
        row.querySelector(".dot-minus").disabled = !open || value === 0;
        row.querySelector(".dot-plus").disabled = !open || left <= 0;
        row.querySelector(".points-input").disabled = !open;
      }
      bar.update(activity);
    }

    function sync() {
      build();
      if (!bar.dirty) {
        const mine = api.myBallot(activity.id);
        points = new Map(mine ? mine.allocations.map((allocation) => [allocation.target_id, allocation.points]) : []);
      }
      const known = new Set((activity.targets || []).map((target) => target.id));
      for (const id of [...points.keys()]) if (!known.has(id)) points.delete(id);
      for (const input of list.querySelectorAll(".points-input")) {
        if (input === document.activeElement) continue; // never rewrite what is being typed
        input.value = String(points.get(Number(input.closest(".points-target").dataset.targetId)) || 0);
      }
      summarize();
    }

    sync();
    return {
      update(next) {
        activity = next;
        sync();
      },
    };
  },

  results(results, { limit, detail }) {
    const items = (results.items || []).slice(0, limit);
    const top = Math.max(1, ...items.map((item) => item.total || 0));
    return [
      summary(t("results_respondents", { count: num(results.respondents ?? 0) })),
      bars(items.map((item) => ({
        label: item.text, value: item.total, maximum: top, rank: item.rank, dataset: { itemId: item.id },
        caption: tn("points_total", item.total),
        note: item.mean === null ? "" : t("points_mean_support", { mean: num(item.mean),
          percent: percent(item.percent_supporting ?? 0) }),
      }))),
      detail ? groupTables(results, (cell) => num(cell.total)) : null,
    ];
  },
};
