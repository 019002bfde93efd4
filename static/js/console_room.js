// The room's settings in the console: its name (with versions in other languages) and the head-count expected,
// shown against the phones connected.

import { fill, h, num, page, t, tn } from "./dom.js";

/** The phones connected, against the head-count when the moderator gave one. */
export function connectedText(connected, expected) {
  return expected ? tn("phones_of_expected", connected, { expected: num(expected) }) : tn("phones_connected", connected);
}

/** Inputs for a text's versions in the languages other than the base one (page.version_languages). */
export function versionInputs(field, label, versions, { multiline = false, maxlength = 500 } = {}) {
  const inputs = new Map();
  const rows = (page.version_languages || []).map((language) => {
    const id = `version-${field}-${language.code}-${Math.random().toString(36).slice(2, 8)}`;
    const value = ((versions || {})[language.code] || {})[field] || "";
    const input = multiline
      ? h("textarea", { id, rows: 2, maxlength, lang: language.code, dir: language.dir, value,
        dataset: { versionLanguage: language.code, versionField: field } })
      : h("input", { id, type: "text", maxlength, lang: language.code, dir: language.dir, value,
        dataset: { versionLanguage: language.code, versionField: field } });
    inputs.set(language.code, input);
    return h("div", { class: "field version-field" },
      h("label", { for: id, text: t("version_in", { label, language: language.name }) }), input);
  });
  return {
    element: h("div", { class: "versions" }, rows),
    /** ``{ar: {field: text}, en: {...}}``, an empty text meaning "no version". */
    read() {
      const read = {};
      for (const [code, input] of inputs) read[code] = { [field]: input.value.trim() };
      return read;
    },
    set(next) {
      for (const [code, input] of inputs) input.value = ((next || {})[code] || {})[field] || "";
    },
  };
}

/** The rename form and the head-count field; ``run`` sends a moderator command (console's ``run``). */
export function roomSettings(run, onChange) {
  const nameLabel = document.getElementById("room-name");
  const expectedForm = document.getElementById("expected-form");
  const renameForm = document.getElementById("rename-form");
  const nameVersions = versionInputs("name", t("room_name"), {}, { maxlength: 200 });
  renameForm.querySelector(".versions-slot").append(nameVersions.element);
  let room = { name: "", versions: {}, expected_count: null };

  expectedForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const raw = expectedForm.elements.expected.value.trim();
    const expected = raw ? Number.parseInt(raw, 10) : null;
    const ack = await run("set_expected_count", { expected }, expectedForm.querySelector("button"));
    if (ack.ok) settings.changed({ expected_count: expected });
  });
  renameForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const ack = await run("edit_room", { name: renameForm.elements.name.value.trim(), versions: nameVersions.read() },
      renameForm.querySelector("button[type=submit]"));
    if (ack.ok) {
      settings.changed({ name: ack.room.name, versions: ack.room.versions });
      renameForm.closest("details").open = false;
    }
  });

  const settings = {
    /** The room as room_state or room_changed describe it. */
    changed(changes) {
      room = { ...room, ...changes };
      if ("name" in changes) {
        fill(nameLabel, room.name);
        if (!renameForm.contains(document.activeElement)) {
          renameForm.elements.name.value = room.name;
          nameVersions.set(room.versions);
        }
      }
      if ("expected_count" in changes && document.activeElement !== expectedForm.elements.expected) {
        expectedForm.elements.expected.value = room.expected_count ?? "";
      }
      onChange();
    },
    get expected() {
      return room.expected_count;
    },
  };
  return settings;
}
