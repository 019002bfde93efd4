// Config fields of the moderator's "new activity" form; each type lists its own and reads them back.

import { h, t } from "../dom.js";

let counter = 0;

function labelled(label, control, hint) {
  counter += 1;
  control.id = `config-${counter}`;
  return h("div", { class: "field" }, h("label", { for: control.id, text: label }), control,
    hint ? h("p", { class: "field-hint", text: hint }) : null);
}

export function numberField(name, label, value, minimum, maximum) {
  const input = h("input", { type: "number", name, value: String(value), min: minimum, max: maximum, step: 1,
    inputmode: "numeric", required: true });
  return { element: labelled(label, input), read: () => ({ [name]: Number.parseInt(input.value, 10) }), input };
}

export function checkField(name, label, checked) {
  const input = h("input", { type: "checkbox", name, checked });
  const element = h("div", { class: "field field-check" }, h("label", {}, input, " ", label));
  return { element, read: () => ({ [name]: input.checked }), input };
}

/** One entry per non-blank line. */
export function linesField(name, label, hint, { rows = 4, optional = false } = {}) {
  const input = h("textarea", { name, rows, required: !optional });
  return {
    element: labelled(label, input, hint),
    read() {
      const lines = input.value.split("\n").map((line) => line.trim()).filter(Boolean);
      return optional && lines.length === 0 ? {} : { [name]: lines };
    },
    input,
  };
}

export function selectField(name, label, choices) {
  const input = h("select", { name, required: true },
    choices.map((choice) => h("option", { value: String(choice.value), text: choice.label })));
  return { element: labelled(label, input), read: () => ({ [name]: Number.parseInt(input.value, 10) }), input };
}

/** A group of fields read into one config object. */
export function group(fields) {
  return {
    element: h("div", { class: "config-fields" }, fields.map((field) => field.element)),
    read: () => Object.assign({}, ...fields.map((field) => field.read())),
  };
}

/** A select whose value is read as a string (codes such as "clusters"). */
export function choiceField(name, label, choices, value) {
  const input = h("select", { name, required: true },
    choices.map((choice) => h("option", { value: choice.value, text: choice.label, selected: choice.value === value })));
  return { element: labelled(label, input), read: () => ({ [name]: input.value }), input };
}

/**
 * What a prioritization votes on: ``target`` (ideas or clusters of an idea activity of the room, or the event's
 * axes) and, for ideas and clusters, the ``source_activity_id``.
 */
export function itemsFields({ sources, kinds = ["clusters", "ideas", "axes"] }) {
  const target = choiceField("target", t("config_target"), kinds.map((kind) => ({ value: kind, label: t(`target_${kind}`) })),
    kinds[0]);
  const source = selectField("source_activity_id", t("config_source_items"), sources);
  const empty = h("p", { class: "field-hint", dataset: { error: "true" }, text: t("config_no_source") });
  source.element.append(empty);
  const sync = () => {
    source.element.hidden = target.input.value === "axes";
    empty.hidden = sources.length > 0;
  };
  target.input.addEventListener("change", sync);
  sync();
  return {
    element: h("div", { class: "items-fields" }, target.element, source.element),
    read() {
      const chosen = target.input.value;
      return chosen === "axes" ? { target: chosen } : { target: chosen, ...source.read() };
    },
    target,
    source,
  };
}

/** One field a type declares (workshop/activities/, ActivityType.config_fields), built by its kind. */
export function declaredField(field, { sources }) {
  if (field.kind === "integer") return numberField(field.name, t(field.label), field.default, field.minimum, field.maximum);
  if (field.kind === "boolean") return checkField(field.name, t(field.label), field.default);
  if (field.kind === "lines") {
    return linesField(field.name, t(field.label), field.hint ? t(field.hint) : "", { rows: field.rows || 4,
      optional: Boolean(field.optional) });
  }
  if (field.kind === "items") return itemsFields({ sources, kinds: field.choices });
  if (field.kind === "choice") {
    const input = h("select", { name: field.name, required: true }, field.choices.map((choice) =>
      h("option", { value: choice, text: t(`${field.labels_prefix}${choice}`), selected: choice === field.default })));
    return { element: labelled(t(field.label), input), read: () => ({ [field.name]: input.value }), input };
  }
  throw new Error(`the type builds its own "${field.kind}" field`);
}

/** A type's whole form from its declaration: what a type without a ``configFields`` of its own gets. */
export function declaredFields(fields, context) {
  return group(fields.map((field) => declaredField(field, context)));
}

/** The declaration of one field, by name. */
export function fieldNamed(fields, name) {
  return fields.find((field) => field.name === name);
}
