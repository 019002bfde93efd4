// Brainstorm: open ideas, sent one by one; the projector shows them on the wall.

import { h, num, t } from "../dom.js";
import { answerForm } from "./answers.js";
import { group, numberField } from "./fields.js";

function characters(text) {
  return [...text].length;
}

export default {
  name: "brainstorm",
  inputKind: "idea",
  defaultLiveResults: true,

  mount(root, activity, api) {
    const maximum = activity.config.max_length;
    return answerForm(root, activity, api, {
      field: h("textarea", { rows: 4, maxlength: maximum, autocomplete: "off" }),
      label: t("your_idea"),
      limit: activity.config.max_per_participant,
      check: (text) => (characters(text) > maximum ? t("too_long", { maximum: num(maximum) }) : ""),
      counterText: (text) => t("characters", { count: num(characters(text)), maximum: num(maximum) }),
    });
  },

  configFields() {
    return group([
      numberField("max_length", t("config_max_length"), 280, 10, 1000),
      numberField("max_per_participant", t("config_max_per_participant"), 5, 1, 50),
    ]);
  },
};
