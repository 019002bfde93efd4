// Word cloud: answers of one to three words; the projector draws the cloud from the server's counts.

import { h, num, t, tn } from "../dom.js";
import { answerForm } from "./answers.js";
import { described } from "./described.js";
import { bars, summary } from "./result_parts.js";

// As the server counts: runs of letters or digits, apostrophes and hyphens kept inside.
function words(text) {
  return (text.match(/[\p{L}\p{N}\p{M}_'’-]+/gu) || []).length;
}

export default {
  name: "word_cloud",
  projector: "cloud",

  mount(root, activity, api) {
    const maximum = activity.config.max_words;
    return answerForm(root, activity, api, {
      field: h("input", { type: "text", maxlength: described("word_cloud").limits.max_answer_length, autocomplete: "off",
        enterkeyhint: "send" }),
      label: t("your_words", { maximum: num(maximum) }),
      limit: activity.config.max_per_participant,
      check: (text) => (words(text) > maximum ? t("too_many_words", { maximum: num(maximum) }) : ""),
      counterText: (text) => tn("word_count", words(text), { maximum: num(maximum) }),
    });
  },

  results(results, { limit }) {
    const frequencies = (results.frequencies || []).slice(0, limit);
    const top = frequencies.length ? frequencies[0][1] : 0;
    return [
      summary(t("results_answers", { count: num(results.answers ?? 0) })),
      bars(frequencies.map(([word, count]) => ({ label: word, value: count, maximum: top, caption: num(count) }))),
    ];
  },
};
