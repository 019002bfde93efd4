// Poll: one choice, or up to max_choices, among the moderator's options.

import { h, num, t } from "../dom.js";
import { ballotBar } from "./answers.js";
import { checkField, group, linesField, numberField } from "./fields.js";

export default {
  name: "poll",
  inputKind: "ballot",
  defaultLiveResults: false,

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
      options.map((label, index) => h("label", { class: "choice" }, inputs[index], h("span", { dir: "auto", text: label }))));
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

  configFields() {
    const multiple = checkField("multiple", t("config_multiple"), false);
    const maxChoices = numberField("max_choices", t("config_max_choices"), 2, 1, 12);
    const showMaximum = () => { maxChoices.element.hidden = !multiple.input.checked; };
    multiple.input.addEventListener("change", showMaximum);
    showMaximum();
    const fields = group([linesField("options", t("config_options"), t("one_per_line")), multiple, maxChoices]);
    return {
      element: fields.element,
      read() {
        const config = fields.read();
        if (!config.multiple) delete config.max_choices;
        return config;
      },
    };
  },
};
