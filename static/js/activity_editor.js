// The console's editor of one activity: its prompt and the prompt's versions in other languages at any time; its
// settings and the versions of its options while it is still a draft (afterwards answers depend on them).

import { configForm } from "./activities/index.js";
import { described } from "./activities/described.js";
import { versionInputs } from "./console_room.js";
import { h, page, t } from "./dom.js";

/** Put the activity's current settings in a form built from the declaration (named controls). */
function fillForm(element, config) {
  for (const control of element.querySelectorAll("[name]")) {
    const value = config[control.name];
    if (value === undefined || value === null) continue;
    if (control.type === "checkbox") control.checked = Boolean(value);
    else if (Array.isArray(value)) {
      if (!value.every((item) => typeof item === "string")) continue;
      control.value = value.join("\n");
    } else if (typeof value !== "object") control.value = String(value);
    control.dispatchEvent(new Event("change"));
  }
}

/** Versions of a list (options, items): one text box per language, one line per entry, in the base list's order. */
export function lineVersions(field, label, count, versions) {
  const boxes = new Map((page.version_languages || []).map((language) => {
    const lines = [];
    for (let index = 0; index < count; index += 1) lines.push(((versions || {})[language.code] || {})[`${field}.${index}`] || "");
    const box = h("textarea", { rows: Math.max(2, count), lang: language.code, dir: language.dir,
      value: lines.join("\n").replace(/\n+$/, ""), dataset: { versionLanguage: language.code, versionField: field } });
    return [language.code, { box, language }];
  }));
  return {
    element: h("div", { class: "versions" }, [...boxes.values()].map(({ box, language }) => h("label", {
      class: "field version-field" }, t("version_lines_in", { label, language: language.name }), box))),
    read() {
      const read = {};
      for (const [code, { box }] of boxes) {
        read[code] = {};
        box.value.split("\n").forEach((line, index) => { read[code][`${field}.${index}`] = line.trim(); });
      }
      return read;
    },
  };
}

/** The versions of every list the type declares (its "lines" fields), for a new activity's form. */
export function listVersions(type, config = {}, versions = {}) {
  return (described(type).config || []).filter((field) => field.kind === "lines").map((field) => ({
    field: field.name, ...lineVersions(field.name, t(field.label), (config[field.name] || []).length, versions) }));
}

/** Versions read from the boxes, kept to the entries the config has (extra lines have nothing to translate). */
export function versionsOf(lists, config, into = {}) {
  const versions = { ...into };
  for (const list of lists) {
    const count = (config[list.field] || []).length;
    for (const [code, texts] of Object.entries(list.read())) {
      const kept = Object.fromEntries(Object.entries(texts).filter(([key]) => Number(key.split(".").pop()) < count));
      versions[code] = { ...versions[code], ...kept };
    }
  }
  return versions;
}

/** ``run(event, payload, button)`` sends the command; ``close()`` is called after a save or a cancel. */
export function activityEditor(activity, { run, sources, close }) {
  const draft = activity.phase === "draft";
  const prompt = h("textarea", { name: "prompt", rows: 2, maxlength: 500, required: true, dir: "auto",
    value: activity.prompt, "aria-label": t("edit_prompt") });
  const promptVersions = versionInputs("prompt", t("edit_prompt"), activity.versions, { multiline: true, maxlength: 500 });
  const parts = [h("label", { class: "field" }, t("edit_prompt"), prompt), promptVersions.element];
  let settings = null;
  let baseline = {};
  const lists = [];
  if (draft) {
    settings = configForm(activity.type, { sources, activities: [] });
    fillForm(settings.element, activity.config);
    const live = h("input", { type: "checkbox", name: "live_results", checked: Boolean(activity.config.live_results) });
    parts.push(h("fieldset", { class: "edit-settings" }, h("legend", { text: t("edit_settings") }), settings.element,
      h("label", { class: "field field-check" }, live, " ", t("edit_live_results"))));
    settings.readAll = () => ({ ...settings.read(), live_results: live.checked });
    baseline = settings.readAll();
    for (const field of described(activity.type).config || []) {
      const values = activity.config[field.name];
      if (field.kind === "lines" && Array.isArray(values) && values.length) {
        lists.push(lineVersions(field.name, t(field.label), values.length, activity.versions));
      }
    }
    parts.push(...lists.map((list) => list.element));
  } else {
    parts.push(h("p", { class: "note", text: t("edit_settings_locked") }));
  }
  const save = h("button", { type: "submit", class: "primary small", dataset: { action: "save-activity" }, text: t("save") });
  const cancel = h("button", { type: "button", class: "small", text: t("cancel"), onclick: () => close() });
  const form = h("form", { class: "activity-editor", dataset: { activityId: activity.id } }, parts,
    h("div", { class: "editor-actions" }, save, cancel));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const versions = promptVersions.read();
    for (const list of lists) {
      for (const [code, texts] of Object.entries(list.read())) versions[code] = { ...versions[code], ...texts };
    }
    const payload = { activity_id: activity.id, prompt: prompt.value.trim(), versions };
    if (settings) {
      const now = settings.readAll();
      const changed = Object.fromEntries(Object.entries(now)
        .filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(baseline[key])));
      if (Object.keys(changed).length) payload.config = changed;
    }
    const ack = await run("update_activity", payload, save);
    if (ack.ok) close(true);
  });
  return form;
}
