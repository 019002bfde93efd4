// Poll: one choice, or up to max_choices, among the moderator's options.

import { bilingual, h, localized, num, percent, showLocalized, t } from "../dom.js";
import { ballotBar } from "./answers.js";
import { declaredFields } from "./fields.js";
import { bars, summary } from "./result_parts.js";

export default {
  name: "poll",

  mount(root, activity, api) {
    const { options, multiple, max_choices: maxChoices } = activity.config;
    let chosen = new Set();
    const inputs = options.map((label, index) => h("input", {
      type: multiple ? "checkbox" : "radio", name: `poll-${activity.id}`, value: String(index),
      onchange: (event) => {
        if (!multiple) chosen.clear();
        if (event.target.checked) chosen.add(index);
        else chosen.delete(index);
        bar.changed();
        sync();
      },
    }));
    const bar = ballotBar(activity, api, {
      read: () => [...chosen].sort((a, b) => a - b).map((index) => ({ target_id: index, points: 1 })),
      isEmpty: () => chosen.size === 0,
    });
    const fieldset = h("fieldset", { class: "choices" },
      h("legend", { class: "choices-hint", text: multiple ? t("choose_up_to", { maximum: num(maxChoices) }) : t("choose_one") }),
      options.map((label, index) => h("label", { class: "choice" }, inputs[index],
        showLocalized(h("span", { dir: "auto" }), localized(`options.${index}`, label, activity.versions)))));
    root.append(fieldset, bar.element);

    function sync() {
      if (!bar.dirty) {
        const mine = api.myBallot(activity.id);
        chosen = new Set(mine ? mine.allocations.map((allocation) => allocation.target_id) : []);
      }
      const open = activity.phase === "open";
      inputs.forEach((input, index) => {
        input.checked = chosen.has(index);
        input.disabled = !open || (multiple && !input.checked && chosen.size >= maxChoices);
      });
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

  // The declared fields, with "at most this many choices" shown only when several choices are allowed.
  configFields(declared, context) {
    const fields = declaredFields(declared, context);
    const multiple = fields.element.querySelector("[name=multiple]");
    const maxChoices = fields.element.querySelector("[name=max_choices]").closest(".field");
    const showMaximum = () => { maxChoices.hidden = !multiple.checked; };
    multiple.addEventListener("change", showMaximum);
    showMaximum();
    return {
      element: fields.element,
      read() {
        const config = fields.read();
        if (!config.multiple) delete config.max_choices;
        return config;
      },
    };
  },

  results(results, { versions, also } = {}) {
    return [
      summary(t("results_respondents", { count: num(results.respondents ?? 0) })),
      bars((results.options || []).map((option) => ({
        label: bilingual(`options.${option.index}`, option.label, versions, also), value: option.percent, maximum: 100,
        caption: t("count_percent", { count: num(option.count), percent: percent(option.percent) }),
      }))),
    ];
  },
};
