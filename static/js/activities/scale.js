// Scale: rate each statement from 1 to 5, with words at both ends.

import { bilingual, h, localized, num, showLocalized, t } from "../dom.js";
import { ballotBar } from "./answers.js";
import { summary } from "./result_parts.js";

const DEFAULT_LABELS = ["scale_1", "scale_2", "scale_3", "scale_4", "scale_5"];

export default {
  name: "scale",

  mount(root, activity, api) {
    const { items, minimum = 1, maximum = 5 } = activity.config;
    // The moderator's own step labels, in the phone's language when they have a version in it.
    const labels = activity.config.labels
      ? activity.config.labels.map((label, index) => localized(`labels.${index}`, label, activity.versions).text)
      : DEFAULT_LABELS.map((key) => t(key));
    const values = [];
    for (let value = minimum; value <= maximum; value += 1) values.push(value);
    let ratings = new Map();
    const inputs = items.map((item, index) => values.map((value) => h("input", {
      type: "radio", name: `scale-${activity.id}-${index}`, value: String(value),
      "aria-label": `${num(value)} – ${labels[value - minimum] || ""}`,
      onchange: () => {
        ratings.set(index, value);
        bar.changed();
        sync();
      },
    })));
    const bar = ballotBar(activity, api, {
      read: () => [...ratings].sort((a, b) => a[0] - b[0]).map(([index, value]) => ({ target_id: index, points: value })),
      isEmpty: () => ratings.size === 0,
    });
    root.append(h("ol", { class: "scale-items" }, items.map((item, index) => h("li", { class: "scale-item" },
      h("fieldset", {},
        showLocalized(h("legend", { class: "scale-statement", dir: "auto" }),
          localized(`items.${index}`, item, activity.versions)),
        h("div", { class: "scale-choices" }, values.map((value, position) => h("label", { class: "scale-choice" },
          inputs[index][position], h("span", { class: "scale-number", text: num(value) })))),
        h("div", { class: "scale-ends", "aria-hidden": "true" },
          h("span", { text: labels[0] }), h("span", { text: labels[labels.length - 1] })))))), bar.element);

    function sync() {
      if (!bar.dirty) {
        const mine = api.myBallot(activity.id);
        ratings = new Map(mine ? mine.allocations.map((allocation) => [allocation.target_id, allocation.points]) : []);
      }
      const open = activity.phase === "open";
      inputs.forEach((row, index) => row.forEach((input, position) => {
        input.checked = ratings.get(index) === values[position];
        input.disabled = !open;
      }));
      bar.update(activity);
    }

    sync();
    return {
      update(next) {
        activity = next;
        sync();
      },
    };
  },

  results(results, { versions, also } = {}) {
    const minimum = results.minimum ?? 1;
    const maximum = results.maximum ?? 5;
    return [
      summary(t("results_respondents", { count: num(results.respondents ?? 0) })),
      h("ol", { class: "scale-results" }, (results.items || []).map((item) => {
        const top = Math.max(1, ...(item.distribution || [0]));
        return h("li", { class: "scale-result" },
          h("p", { class: "scale-result-label", dir: "auto", text: bilingual(`items.${item.index}`, item.label, versions, also) }),
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
};
