// Word cloud: answers of one to three words; the projector draws the cloud from the server's counts.

import { h, num, t } from "../dom.js";
import { answerForm } from "./answers.js";
import { group, numberField } from "./fields.js";

const MAX_ANSWER_LENGTH = 60; // the server's limit (activities/word_cloud.py)

// As the server counts: runs of letters or digits, apostrophes and hyphens kept inside.
function words(text) {
  return (text.match(/[\p{L}\p{N}\p{M}_'’-]+/gu) || []).length;
}

export default {
  name: "word_cloud",
  inputKind: "idea",
  defaultLiveResults: true,

  mount(root, activity, api) {
    const maximum = activity.config.max_words;
    return answerForm(root, activity, api, {
      field: h("input", { type: "text", maxlength: MAX_ANSWER_LENGTH, autocomplete: "off", enterkeyhint: "send" }),
      label: t("your_words", { maximum: num(maximum) }),
      limit: activity.config.max_per_participant,
      check: (text) => (words(text) > maximum ? t("too_many_words", { maximum: num(maximum) }) : ""),
      counterText: (text) => t("words", { count: num(words(text)), maximum: num(maximum) }),
    });
  },

  configFields() {
    return group([
      numberField("max_words", t("config_max_words"), 3, 1, 3),
      numberField("max_per_participant", t("config_max_answers"), 3, 1, 10),
    ]);
  },
};
