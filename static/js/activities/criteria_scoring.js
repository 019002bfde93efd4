// Criteria scoring: each item scored 1–5 on the criteria the moderator chose; the weights are shown to everyone.

import { h, num, t } from "../dom.js";
import { checkField, declaredField, fieldNamed, group, numberField } from "./fields.js";
import { ratingGrid } from "./ratings.js";
import { agreementLabel, bars, groupTables, summary } from "./result_parts.js";

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

export default {
  name: "criteria_scoring",

  mount(root, activity, api) {
    const criteria = () => (activity.config.criteria || []).map((key) => ({
      key, label: t(`criterion_${key}`), hint: t(`criterion_hint_${key}`),
    }));
    const grid = ratingGrid(root, activity, api, {
      criteria,
      className: "criteria-items",
      intro: () => [
        h("p", { class: "choices-hint", text: t("criteria_instructions") }),
        h("ul", { class: "weights" }, (activity.config.criteria || []).map((key) => h("li", { class: "weight",
          dataset: { criterion: key } },
        h("span", { class: "weight-label", text: t(`criterion_${key}`) }),
        h("span", { class: "weight-value", dir: "ltr", text: `×${num(activity.config.weights[key])}` })))),
      ],
    });
    return {
      update(next) {
        activity = next;
        grid.update(next);
      },
    };
  },

  // What the items are, then one line per criterion of the catalogue: ticked or not, and its weight.
  configFields(declared, context) {
    const items = declaredField(fieldNamed(declared, "target"), context);
    const field = fieldNamed(declared, "criteria");
    const proposed = new Set(field.default);
    const rows = field.choices.map((criterion) => {
      const check = checkField(`criterion_${criterion}`, t(`criterion_${criterion}`), proposed.has(criterion));
      const weight = numberField(`weight_${criterion}`, t(field.weight.label), field.weight.defaults[criterion],
        field.weight.minimum, field.weight.maximum);
      weight.input.setAttribute("aria-label", `${t(field.weight.label)} — ${t(`criterion_${criterion}`)}`);
      const sync = () => { weight.input.disabled = !check.input.checked; };
      check.input.addEventListener("change", sync);
      sync();
      return { criterion, check, weight, element: h("div", { class: "criterion-config", dataset: { criterion } },
        check.element, weight.element) };
    });
    const fieldset = h("fieldset", { class: "criteria-config" },
      h("legend", { text: t(field.label) }),
      h("p", { class: "field-hint", text: t(field.hint) }),
      rows.map((row) => row.element));
    const fields = group([items]);
    fields.element.append(fieldset);
    return {
      element: fields.element,
      read() {
        const chosen = rows.filter((row) => row.check.input.checked);
        return {
          ...fields.read(),
          criteria: chosen.map((row) => row.criterion),
          weights: Object.fromEntries(chosen.map((row) => [row.criterion, Number(row.weight.input.value)])),
        };
      },
    };
  },

  results(results, { limit, detail }) {
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
      detail ? groupTables(results, (cell) => (cell.score === null || cell.score === undefined ? "–" : num(cell.score))) : null,
    ];
  },
};
