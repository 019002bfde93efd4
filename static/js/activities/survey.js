// The barometer's questionnaire on a phone: one question per screen, saved as it goes, resumable.
//
// Every answer replaces the whole ballot through the outbox (``cast_votes``): a phone that drops or reloads keeps
// what it answered and the server keeps the last whole ballot. A sector's usage questions are skipped for someone
// who did not need that service, as the XLSForm does with its ``relevant`` column.

import { h, num, page, t } from "../dom.js";
import { bars, summary } from "./result_parts.js";

const CHOICES = {
  region: ["tanger_tetouan_al_hoceima", "oriental", "fes_meknes", "rabat_sale_kenitra", "beni_mellal_khenifra",
    "casablanca_settat", "marrakech_safi", "draa_tafilalet", "souss_massa", "guelmim_oued_noun",
    "laayoune_sakia_el_hamra", "dakhla_oued_ed_dahab"],
  status: ["regularise", "irregulier", "refugie", "demandeur_asile", "non_dit"],
  sex: ["femme", "homme", "non_dit"],
  need: ["oui", "non"],
  perception: ["tres_facile", "facile", "difficile", "tres_difficile", "nsp"],
  usage: ["oui", "non"],
  knowledge: ["oui", "non"],
};

function choiceLabel(kind, name) {
  if (kind === "region") return t(`region_${name}`);
  if (name === "non_dit") return t("survey_prefer_not_to_say");
  if (kind === "status" || kind === "sex") return t(`survey_${kind}_${name}`);
  return t(`survey_answer_${name}`);
}

function questionText(question) {
  if (["region", "status", "sex"].includes(question.kind)) return t(`survey_form_${question.kind}`);
  const labels = question.labels || {};
  return labels[page.lang] || labels.fr || question.key;
}

export default {
  name: "survey",

  mount(root, activity, api) {
    const questions = activity.config.questions || [];
    let answers = new Map(); // question index → choice position, from 1 (a 0-point allocation would be no answer)
    let position = 0;
    let edited = false; // answers changed here since the last ballot the page knows of

    const progress = h("p", { class: "survey-progress", "aria-live": "polite" });
    const meter = h("progress", { class: "survey-meter", max: String(questions.length), value: "0" });
    const legend = h("legend", { class: "survey-question", dir: "auto" });
    const options = h("div", { class: "survey-choices" });
    const fieldset = h("fieldset", { class: "survey-step" }, legend, options);
    const previous = h("button", { type: "button", class: "secondary", text: t("survey_previous"),
      onclick: () => move(-1) });
    const next = h("button", { type: "button", class: "primary", text: t("survey_next"), onclick: () => move(1) });
    const status = h("p", { class: "ballot-status", "aria-live": "polite" });
    const done = h("p", { class: "survey-done", text: t("survey_done"), hidden: true });
    root.append(h("p", { class: "field-hint", text: t("survey_anonymous") }), progress, meter, fieldset,
      h("div", { class: "survey-nav" }, previous, next), status, done);

    function skipped(index) {
      const question = questions[index];
      if (question.kind !== "usage") return false;
      const need = questions.findIndex((other) => other.kind === "need" && other.sector === question.sector);
      return need >= 0 && CHOICES.need[answers.get(need) - 1] === "non";
    }

    function visible() {
      return questions.map((_question, index) => index).filter((index) => !skipped(index));
    }

    function save() {
      const allocations = [...answers].filter(([index]) => !skipped(index)).sort((a, b) => a[0] - b[0])
        .map(([index, choice]) => ({ target_id: index, points: choice }));
      api.castVotes(activity.id, allocations);
      edited = false;
    }

    function move(step) {
      const order = visible();
      const here = order.indexOf(position);
      const target = order[Math.max(0, Math.min(order.length, (here < 0 ? 0 : here) + step))];
      if (edited) save();
      if (target === undefined) {
        position = questions.length; // past the last question: the thank-you screen
      } else {
        position = target;
      }
      draw();
    }

    function draw() {
      const open = activity.phase === "open";
      const order = visible();
      const finished = position >= questions.length;
      fieldset.hidden = finished;
      done.hidden = !finished;
      meter.value = String(finished ? order.length : Math.max(0, order.indexOf(position)));
      meter.max = String(order.length);
      progress.textContent = finished ? "" : t("survey_progress", { number: num(order.indexOf(position) + 1),
        total: num(order.length) });
      previous.disabled = order.indexOf(position) <= 0 && !finished;
      next.hidden = finished;
      next.disabled = !open;
      if (!finished) {
        const question = questions[position];
        legend.textContent = questionText(question);
        options.textContent = "";
        CHOICES[question.kind].forEach((name, index) => {
          const input = h("input", { type: "radio", name: `survey-${activity.id}-${position}`, value: String(index + 1),
            checked: answers.get(position) === index + 1, disabled: !open,
            onchange: () => {
              answers.set(position, index + 1);
              edited = true;
              status.textContent = "";
            } });
          options.append(h("label", { class: "survey-choice" }, input,
            h("span", { text: choiceLabel(question.kind, name) })));
        });
      }
      const mine = api.myBallot(activity.id);
      status.dataset.status = mine ? mine.status : "none";
      status.textContent = mine ? { sent: t("sent"), waiting: t("waiting"),
        failed: mine.error || t("not_sent") }[mine.status] || "" : "";
    }

    function load() {
      if (edited) return;
      const mine = api.myBallot(activity.id);
      answers = new Map(mine ? mine.allocations.map((allocation) => [allocation.target_id, allocation.points]) : []);
    }

    load();
    // Resume where the phone stopped: the first question not answered yet.
    position = visible().find((index) => !answers.has(index)) ?? questions.length;
    draw();
    return {
      update(nextActivity) {
        activity = nextActivity;
        load();
        draw();
      },
    };
  },

  results(results) {
    const regions = results.regions || [];
    const top = regions.length ? regions[0].count : 0;
    return [
      summary(t("survey_summary", { count: num(results.respondents ?? 0), complete: num(results.complete ?? 0) })),
      bars(regions.map((row) => ({ label: t(`region_${row.region}`), value: row.count, maximum: top,
        caption: num(row.count) }))),
    ];
  },
};
