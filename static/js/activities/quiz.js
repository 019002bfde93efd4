// Quiz: knowledge questions before and after a training (workshop/activities/quiz.py).
//
// The phone answers every question on one page and sends one ballot: an allocation ``option:<k>`` per option
// ticked (target_id = the question's index) and, when the quiz pairs by code, ``code:<letters><month>``. The
// server reads it strictly and keeps the correct options to itself unless the quiz shows them after answering.

import { h, num, percent, t } from "../dom.js";
import { ballotBar } from "./answers.js";
import { checkField, choiceField, group } from "./fields.js";
import { bars, summary } from "./result_parts.js";

const OPTION = "option:";
const CODE = "code:";

function codeBox(activity, onchange) {
  const letters = h("input", { type: "text", name: `quiz-code-letters-${activity.id}`, maxlength: 2, size: 3,
    autocomplete: "off", autocapitalize: "characters", dir: "auto", oninput: onchange });
  const month = h("select", { name: `quiz-code-month-${activity.id}`, onchange },
    h("option", { value: "", text: "–" }),
    Array.from({ length: 12 }, (_unused, index) => h("option", { value: String(index + 1), text: num(index + 1) })));
  const lettersId = `quiz-letters-${activity.id}`;
  const monthId = `quiz-month-${activity.id}`;
  letters.id = lettersId;
  month.id = monthId;
  return {
    element: h("fieldset", { class: "quiz-code" }, h("legend", { text: t("quiz_code_title") }),
      h("p", { class: "field-hint", text: t("quiz_code_hint") }),
      h("label", { for: lettersId, text: t("quiz_code_letters") }), letters,
      h("label", { for: monthId, text: t("quiz_code_month") }), month),
    read: () => (letters.value.trim().length === 2 && month.value
      ? `${letters.value.trim()}${month.value.padStart(2, "0")}` : ""),
    restore(code) {
      const match = /^(.*?)(\d{1,2})$/u.exec(code || "");
      if (!match) return;
      letters.value = match[1];
      month.value = String(Number.parseInt(match[2], 10));
    },
    set disabled(value) {
      letters.disabled = value;
      month.disabled = value;
    },
  };
}

export default {
  name: "quiz",

  mount(root, activity, api) {
    const { questions, pairing } = activity.config;
    let chosen = questions.map(() => new Set());
    const code = pairing === "code" ? codeBox(activity, () => { bar.changed(); }) : null;
    const inputs = questions.map((question, number) => question.options.map((_label, index) => h("input", {
      type: question.multiple ? "checkbox" : "radio", name: `quiz-${activity.id}-${number}`, value: String(index),
      onchange: (event) => {
        if (!question.multiple) chosen[number].clear();
        if (event.target.checked) chosen[number].add(index);
        else chosen[number].delete(index);
        bar.changed();
        sync();
      },
    })));
    const feedback = questions.map(() => h("p", { class: "quiz-feedback", "aria-live": "polite", hidden: true }));
    const bar = ballotBar(activity, api, {
      read: () => [
        ...(code && code.read() ? [{ target_id: 0, points: 1, criterion: `${CODE}${code.read()}` }] : []),
        ...chosen.flatMap((options, number) => [...options].sort((a, b) => a - b)
          .map((index) => ({ target_id: number, points: 1, criterion: `${OPTION}${index}` }))),
      ],
      isEmpty: () => chosen.every((options) => options.size === 0),
      canSend: () => !code || Boolean(code.read()),
    });
    const numbered = (number) => t("quiz_question_of", { number: num(number + 1), total: num(questions.length) });
    const fieldsets = questions.map((question, number) => h("fieldset", { class: "choices quiz-question",
      dataset: { question: String(number) } },
    h("legend", { dir: "auto", text: `${numbered(number)} · ${question.text}` }),
    question.multiple ? h("p", { class: "choices-hint", text: t("quiz_choose_all") }) : null,
    question.options.map((label, index) => h("label", { class: "choice", dataset: { option: String(index) } },
      inputs[number][index], h("span", { dir: "auto", text: label }))),
    feedback[number]));
    const moment = h("p", { class: "quiz-moment", dataset: { moment: activity.config.moment || "avant" },
      text: t(`quiz_moment_${activity.config.moment || "avant"}`) });
    root.append(moment, ...(code ? [code.element] : []), ...fieldsets, bar.element);

    function restore() {
      const mine = api.myBallot(activity.id);
      chosen = questions.map(() => new Set());
      // A post-test on the same phone starts from the code given to its pre-test: nothing to type twice.
      const earlier = !mine && activity.config.pre_test_id ? api.myBallot(activity.config.pre_test_id) : null;
      const earlierCode = earlier
        && earlier.allocations.find((allocation) => (allocation.criterion || "").startsWith(CODE));
      if (code && earlierCode) code.restore(earlierCode.criterion.slice(CODE.length));
      for (const allocation of mine ? mine.allocations : []) {
        const criterion = allocation.criterion || "";
        if (criterion.startsWith(OPTION)) {
          chosen[allocation.target_id]?.add(Number.parseInt(criterion.slice(OPTION.length), 10));
        } else if (code && criterion.startsWith(CODE)) {
          code.restore(criterion.slice(CODE.length));
        }
      }
      return mine;
    }

    // After a ballot is sent, a quiz that shows its answers marks each question right or not, and the correct options.
    function showAnswers(mine) {
      const sent = mine && mine.status === "sent";
      questions.forEach((question, number) => {
        const known = Array.isArray(question.correct) && sent && !bar.dirty;
        const right = known && question.correct.length === chosen[number].size
          && question.correct.every((index) => chosen[number].has(index));
        feedback[number].hidden = !known;
        feedback[number].dataset.right = String(right);
        feedback[number].textContent = known ? (right ? t("quiz_right") : t("quiz_wrong")) : "";
        fieldsets[number].querySelectorAll(".choice").forEach((label) => {
          label.classList.toggle("quiz-correct", known && question.correct.includes(Number(label.dataset.option)));
        });
      });
    }

    function sync() {
      const mine = bar.dirty ? api.myBallot(activity.id) : restore();
      const open = activity.phase === "open";
      inputs.forEach((row, number) => row.forEach((input, index) => {
        input.checked = chosen[number].has(index);
        input.disabled = !open;
      }));
      if (code) code.disabled = !open;
      showAnswers(mine);
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

  // The questions box, the pre-test this quiz asks again (a post-test copies its questions), pairing, answers shown.
  configFields(declared, { activities = [] } = {}) {
    const byName = Object.fromEntries(declared.map((field) => [field.name, field]));
    const box = h("textarea", { name: "questions", rows: byName.questions.rows || 12, required: true, dir: "auto" });
    const boxId = "quiz-questions-box";
    box.id = boxId;
    const preTests = activities.filter((activity) => activity.type === "quiz" && !activity.config.pre_test_id);
    const preTest = choiceField("pre_test_id", t(byName.pre_test_id.label),
      [{ value: "", label: t("config_quiz_no_pre_test") },
        ...preTests.map((activity) => ({ value: String(activity.id),
          label: `${num(activity.position + 1)}. ${activity.prompt}` }))], "");
    preTest.input.required = false; // empty: this quiz is a pre-test
    const pairing = choiceField("pairing", t(byName.pairing.label),
      byName.pairing.choices.map((choice) => ({ value: choice, label: t(`quiz_pairing_${choice}`) })),
      byName.pairing.default);
    const answers = checkField("show_answers", t(byName.show_answers.label), byName.show_answers.default);
    const questions = h("div", { class: "field" }, h("label", { for: boxId, text: t(byName.questions.label) }), box,
      h("p", { class: "field-hint", text: t(byName.questions.hint) }));
    const fields = group([preTest, { element: questions, read: () => ({}) }, pairing, answers]);
    preTest.element.append(h("p", { class: "field-hint", text: t(byName.pre_test_id.hint) }));
    const sync = () => {
      const linked = Boolean(preTest.input.value);
      questions.hidden = linked;
      box.required = !linked;
      pairing.element.hidden = linked;
    };
    preTest.input.addEventListener("change", sync);
    sync();
    return {
      element: fields.element,
      read() {
        const linked = preTest.input.value;
        if (linked) return { pre_test_id: Number.parseInt(linked, 10), ...answers.read() };
        return { questions: box.value, ...pairing.read(), ...answers.read() };
      },
    };
  },

  results(results, { detail = false } = {}) {
    const questions = results.questions || [];
    const paired = results.paired;
    const rows = questions.flatMap((question, number) => {
      const label = `Q${num(number + 1)}. ${question.text}`;
      const now = question.now || {};
      if (!question.before) {
        return [{ label, value: now.percent || 0, maximum: 100,
          caption: now.percent === null || now.percent === undefined ? "–" : percent(now.percent),
          dataset: { question: String(number) } }];
      }
      return [
        { label: `${label} · ${t("quiz_before")}`, value: question.before.percent || 0, maximum: 100,
          caption: question.before.percent === null ? "–" : percent(question.before.percent),
          dataset: { question: String(number), moment: "before" } },
        { label: `${label} · ${t("quiz_after")}`, value: now.percent || 0, maximum: 100,
          caption: now.percent === null || now.percent === undefined ? "–" : percent(now.percent),
          dataset: { question: String(number), moment: "after" } },
      ];
    });
    const lines = [summary(t("results_respondents", { count: num(results.respondents ?? 0) }))];
    if (results.mean_score !== null && results.mean_score !== undefined) {
      lines.push(summary(t("quiz_mean_score", { score: percent(results.mean_score) })));
    }
    if (paired) {
      lines.push(h("p", { class: "results-summary quiz-paired", dataset: { n: String(paired.n) } },
        paired.interval ? t("quiz_paired_summary", {
          count: num(paired.n), before: percent(paired.before_mean), after: percent(paired.after_mean),
          change: `${paired.mean_change > 0 ? "+" : ""}${num(paired.mean_change)}`,
          low: num(paired.interval[0]), high: num(paired.interval[1]), improved: percent(paired.improved_percent),
          level: percent(95),
        }) : t("quiz_paired_few", { count: num(paired.n) })));
    }
    return [...lines, bars(rows), detail ? optionsTable(questions) : null];
  },
};

/** The console's detail: how many chose each option (before and after), the correct ones marked — which wrong
 * answer was popular is what the trainer goes back to. */
function optionsTable(questions) {
  const withBefore = questions.some((question) => question.before);
  const head = [t("quiz_option"), ...(withBefore ? [t("quiz_before"), t("quiz_after")] : [t("quiz_chosen")])];
  return h("div", { class: "table-scroll" }, h("table", { class: "data-table quiz-options" },
    h("caption", { text: t("quiz_options_title") }),
    h("thead", {}, h("tr", {}, head.map((text) => h("th", { scope: "col", text })))),
    h("tbody", {}, questions.flatMap((question, number) => [
      h("tr", { class: "quiz-options-question" }, h("th", { scope: "rowgroup", colspan: String(head.length), dir: "auto",
        text: `Q${num(number + 1)}. ${question.text}` })),
      ...question.options.map((option, index) => h("tr", {
        class: question.correct.includes(index) ? "quiz-correct" : null, dataset: { option: String(index) } },
      h("th", { scope: "row", dir: "auto",
        text: question.correct.includes(index) ? `${option} ✓ ${t("quiz_right")}` : option }),
      (withBefore ? [question.before, question.now] : [question.now]).map((moment) => h("td", {
        text: moment ? num(moment.chosen[index]) : "–" })))),
    ]))));
}
