// The axe's texts in the other languages (workshop/domain/axes.py VERSIONED_FIELDS, sent in the editor's schema):
// what the Arabic and English documents print instead of the French; an empty box leaves the French there, marked.

import { h, t } from "./dom.js";

/** One fieldset per language, one box per text; ``control`` is the editor's own text control. */
export function versionsEditor(schema, versions, control) {
  const { languages, fields, names, dirs } = schema;
  const boxes = {};
  const parts = languages.map((code) => {
    const values = versions[code] || {};
    boxes[code] = fields.map(({ path, max }) => {
      const label = path === "title" ? t("axis_title") : t(`ax_${path.replace(".", "_")}`);
      const part = control({ kind: "text", max }, values[path], label, `versions.${code}.${path}`);
      part.control.lang = code;
      part.control.dir = dirs[code];
      return [path, part];
    });
    return h("fieldset", { class: "versions-language", lang: code, dir: dirs[code] },
      h("legend", { text: names[code] }), boxes[code].map(([, part]) => part.element));
  });
  const element = h("section", { class: "axis-section section-versions", dataset: { section: "versions" } },
    h("h2", { text: t("ax_versions") }), h("p", { class: "note", text: t("ax_versions_hint") }), parts);
  const read = () => Object.fromEntries(Object.entries(boxes).map(([code, entries]) => [code,
    Object.fromEntries(entries.map(([path, part]) => [path, part.read()]).filter(([, text]) => text))]));
  return { element, read };
}
