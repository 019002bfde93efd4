// Results as plain HTML bars, the same on phones, projector and console (the word cloud is the projector's own).

import { h, num, percent, t } from "./dom.js";

function bar({ label, value, maximum, caption, rank }) {
  const fill = h("span", { class: "bar-fill" });
  fill.style.inlineSize = `${maximum > 0 ? Math.max(0, Math.min(100, (100 * value) / maximum)) : 0}%`;
  return h("li", { class: "bar-row" },
    h("span", { class: "bar-label" }, rank ? h("span", { class: "bar-rank", text: num(rank) }) : null,
      h("span", { class: "bar-text", dir: "auto", text: label })),
    h("span", { class: "bar-track", "aria-hidden": "true" }, fill),
    h("span", { class: "bar-value", text: caption }));
}

function bars(rows) {
  return h("ol", { class: "bars" }, rows.map(bar));
}

function summary(text) {
  return h("p", { class: "results-summary", text });
}

const RENDERERS = {
  brainstorm(results) {
    return [summary(t("results_ideas", { ideas: num(results.ideas ?? 0), contributors: num(results.contributors ?? 0) }))];
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

  dot_voting(results, { limit }) {
    const items = (results.items || []).slice(0, limit);
    const top = Math.max(1, ...items.map((item) => item.points));
    return [
      summary(t("results_voters", { count: num(results.voters ?? 0) })),
      bars(items.map((item) => ({
        label: item.text, value: item.points, maximum: top, rank: item.rank,
        caption: t("points_voters", { points: num(item.points), voters: num(item.voters) }),
      }))),
    ];
  },
};

/** A results block for an activity, or null when this type has nothing to draw or no results came yet. */
export function resultsView(type, results, { limit = 30 } = {}) {
  const render = RENDERERS[type];
  if (!render || !results) return null;
  return h("div", { class: `results results-${type}` }, render(results, { limit }));
}
