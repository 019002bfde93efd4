// What criteria scoring and the matrix share on the phone: each item rated 1–5 on several criteria.

import { h, num, t } from "../dom.js";
import { ballotBar } from "./answers.js";

const VALUES = [1, 2, 3, 4, 5];

/**
 * Mount a grid of ratings: for every item of ``activity.targets``, one 1–5 choice per criterion.
 * ``criteria()`` → [{key, label, hint}] for the current config; ``complete`` (matrix): an item rated on some
 * criteria must be rated on all of them before the ballot can go; ``intro`` nodes go above the items.
 */
export function ratingGrid(root, activity, api, { criteria, complete = false, intro = () => [], className }) {
  let ratings = new Map(); // "target|criterion" → 1..5
  let built = ""; // the items and criteria the inputs were built for
  const header = h("div", { class: "ratings-intro" });
  const list = h("ol", { class: `rating-items ${className}` });
  const problem = h("p", { class: "field-hint rating-problem", dataset: { error: "true" }, "aria-live": "polite" });
  const bar = ballotBar(activity, api, {
    read: () => [...ratings].map(([key, points]) => {
      const [target, criterion] = key.split("|");
      return { target_id: Number(target), criterion, points };
    }),
    isEmpty: () => ratings.size === 0,
    canSend: () => incomplete().length === 0,
  });
  root.append(header, list, problem, bar.element);

  function incomplete() {
    if (!complete) return [];
    const keys = criteria().map((criterion) => criterion.key);
    return (activity.targets || []).filter((target) => {
      const given = keys.filter((key) => ratings.has(`${target.id}|${key}`)).length;
      return given > 0 && given < keys.length;
    });
  }

  function build() {
    const targets = activity.targets || [];
    const wanted = criteria();
    const signature = JSON.stringify([targets, wanted]);
    if (signature === built) return;
    built = signature;
    const children = intro();
    header.textContent = "";
    header.append(...children);
    list.textContent = "";
    if (!targets.length) list.append(h("li", { class: "empty", text: t("nothing_to_vote_on") }));
    targets.forEach((target, position) => {
      list.append(h("li", { class: "rating-item", dataset: { targetId: target.id } },
        h("h3", { class: "rating-item-title" }, h("span", { class: "rating-item-number", text: `${num(position + 1)}.` }),
          h("span", { dir: "auto", text: target.text })),
        wanted.map((criterion) => h("fieldset", { class: "rating-criterion", dataset: { criterion: criterion.key } },
          h("legend", { class: "rating-criterion-label" }, criterion.label,
            criterion.hint ? h("span", { class: "rating-criterion-hint", text: criterion.hint }) : null),
          h("div", { class: "scale-choices" }, VALUES.map((value) => h("label", { class: "scale-choice" },
            h("input", { type: "radio", name: `rate-${activity.id}-${target.id}-${criterion.key}`, value: String(value),
              "aria-label": `${criterion.label}: ${num(value)} — ${target.text}`,
              onchange: () => {
                ratings.set(`${target.id}|${criterion.key}`, value);
                bar.changed();
                sync();
              } }),
            h("span", { class: "scale-number", text: num(value) }))))))));
    });
  }

  function sync() {
    build();
    if (!bar.dirty) {
      const mine = api.myBallot(activity.id);
      ratings = new Map(mine ? mine.allocations.map((allocation) => [`${allocation.target_id}|${allocation.criterion}`,
        allocation.points]) : []);
    }
    const known = new Set((activity.targets || []).map((target) => String(target.id)));
    for (const key of [...ratings.keys()]) if (!known.has(key.split("|")[0])) ratings.delete(key); // merged since
    const open = activity.phase === "open";
    for (const input of list.querySelectorAll("input[type=radio]")) {
      const item = input.closest(".rating-item").dataset.targetId;
      const criterion = input.closest(".rating-criterion").dataset.criterion;
      input.checked = ratings.get(`${item}|${criterion}`) === Number(input.value);
      input.disabled = !open;
    }
    const missing = incomplete();
    for (const item of list.querySelectorAll(".rating-item")) {
      item.dataset.incomplete = String(missing.some((target) => String(target.id) === item.dataset.targetId));
    }
    problem.hidden = missing.length === 0;
    problem.textContent = missing.length ? t("rate_both_axes", { count: num(missing.length) }) : "";
    bar.update(activity);
  }

  sync();
  return {
    update(next) {
      activity = next;
      sync();
    },
  };
}
