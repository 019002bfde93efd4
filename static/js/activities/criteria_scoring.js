// Criteria scoring: each item scored 1–5 on the criteria the moderator chose; the weights are shown to everyone.

import { h, num, t } from "../dom.js";
import { checkField, group, itemsFields, numberField } from "./fields.js";
import { ratingGrid } from "./ratings.js";

// workshop/domain/prioritization.py CRITERIA, in the room's order; "risque" counts reversed.
export const CRITERIA = ["impact", "faisabilite", "urgence", "opportunite", "valeur_ajoutee", "coalition", "risque",
  "alignement"];
const DEFAULT_CRITERIA = new Set(["impact", "faisabilite", "urgence", "alignement"]);

export default {
  name: "criteria_scoring",
  inputKind: "ballot",
  defaultLiveResults: false,
  usesSources: true,

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

  configFields({ sources }) {
    const items = itemsFields({ sources });
    const rows = CRITERIA.map((criterion) => {
      const check = checkField(`criterion_${criterion}`, t(`criterion_${criterion}`), DEFAULT_CRITERIA.has(criterion));
      const weight = numberField(`weight_${criterion}`, t("config_weight"), 1, 0, 10);
      weight.input.setAttribute("aria-label", `${t("config_weight")} — ${t(`criterion_${criterion}`)}`);
      const sync = () => { weight.input.disabled = !check.input.checked; };
      check.input.addEventListener("change", sync);
      sync();
      return { criterion, check, weight, element: h("div", { class: "criterion-config", dataset: { criterion } },
        check.element, weight.element) };
    });
    const fieldset = h("fieldset", { class: "criteria-config" },
      h("legend", { text: t("config_criteria") }),
      h("p", { class: "field-hint", text: t("config_criteria_hint") }),
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
};
