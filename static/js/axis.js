// The axe editor: every field of an axe d'influence (workshop/domain/axes.py), its provenance, the parent beside a regional
// axe, and a save that never overwrites someone else's: the server refuses an edit of an old version (409), and
// the page then says so and offers to reload theirs.

import { fill, h, notify, num, page, t, writeHeaders } from "./dom.js";
import { quadrantChart } from "./svg.js";
import { versionsEditor } from "./axis_versions.js";

// The shape of an axe's record and its choice lists, as workshop/domain/axes.py declares them (editor_schema).
const SCHEMA = page.schema;
const ROWS = SCHEMA.rows;
const FIELDS = SCHEMA.fields;
const SHORT = SCHEMA.short;

const form = document.getElementById("axis-form");
const conflictBox = document.getElementById("conflict");
const state = { view: null, version: null, dirty: false, saving: false, fields: null, identity: null, versions: null };
let counter = 0;

function nextId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

function signed(value) {
  return value > 0 ? `+${num(value)}` : value < 0 ? `−${num(-value)}` : num(value);
}

// Controls: each returns {element, read(), control}. -------------------------------------------------------

function control(spec, value, label, path) {
  const id = nextId("field");
  let input;
  if (spec.kind === "text") {
    input = spec.max > SHORT
      ? h("textarea", { id, rows: 3, maxlength: spec.max, dir: "auto", value: value || "" })
      : h("input", { id, type: "text", maxlength: spec.max, dir: "auto", value: value || "" });
  } else if (spec.kind === "lines") {
    input = h("textarea", { id, rows: 3, dir: "auto", value: (value || []).join("\n") });
  } else if (spec.kind === "choice") {
    input = h("select", { id }, h("option", { value: "", text: t("choose") }),
      spec.options.map((option) => h("option", { value: option, text: t(`${spec.prefix}_${option}`), selected: option === value })));
  } else {
    const values = [];
    for (let step = spec.minimum; step <= spec.maximum; step += 1) values.push(step);
    input = h("select", { id, class: "int-select" }, h("option", { value: "", text: t("choose") }),
      values.map((step) => h("option", { value: String(step), text: spec.minimum < 0 ? signed(step) : num(step),
        selected: step === value })));
  }
  input.name = path;
  input.dataset.path = path;
  const read = () => {
    if (spec.kind === "text") return input.value.trim();
    if (spec.kind === "lines") return input.value.split("\n").map((line) => line.trim()).filter(Boolean);
    if (spec.kind === "choice") return input.value || null;
    return input.value === "" ? null : Number(input.value);
  };
  return { element: h("div", { class: `field field-${spec.kind}` }, h("label", { for: id, text: label }), input), read, control: input };
}

function rowEditor(rowKind, row, path, onChange) {
  const specs = ROWS[rowKind];
  const cells = Object.entries(specs).map(([name, spec]) => [name,
    control(spec, row[name], t(`col_${rowKind}_${name}`), `${path}.${name}`)]);
  const remove = h("button", { type: "button", class: "small danger", dataset: { action: "remove-row" }, text: t("remove_row") });
  const extra = h("p", { class: "row-extra" });
  const element = h("li", { class: `row-card row-${rowKind}` },
    h("div", { class: "row-fields" }, cells.map(([, cell]) => cell.element)), extra, remove);
  const read = () => Object.fromEntries(cells.map(([name, cell]) => [name, cell.read()]));
  const refresh = () => {
    if (rowKind === "risks") {
      const values = read();
      const level = values.probability && values.impact ? values.probability * values.impact : null;
      extra.textContent = level ? t("risk_level", { level: num(level) }) : "";
      extra.dataset.level = level ? (level >= 9 ? "high" : level >= 4 ? "medium" : "low") : "";
    }
  };
  element.addEventListener("change", () => {
    refresh();
    onChange();
  });
  refresh();
  return { element, read, remove };
}

function listEditor(rowKind, rows, path, label, onChange) {
  const items = [];
  const box = h("ol", { class: "rows", dataset: { rows: rowKind } });
  const empty = h("p", { class: "empty", text: t("no_rows") });
  const add = h("button", { type: "button", class: "small", dataset: { action: "add-row", rows: rowKind },
    text: `+ ${t("add_row")}` });
  const sync = () => {
    empty.hidden = items.length > 0;
  };
  const append = (row) => {
    const editor = rowEditor(rowKind, row, `${path}[]`, onChange);
    editor.remove.addEventListener("click", () => {
      items.splice(items.indexOf(editor), 1);
      editor.element.remove();
      sync();
      markDirty();
      onChange();
    });
    items.push(editor);
    box.append(editor.element);
    sync();
    return editor;
  };
  add.addEventListener("click", () => {
    const editor = append({});
    markDirty();
    editor.element.querySelector("input, textarea, select")?.focus();
  });
  (rows || []).forEach(append);
  return {
    element: h("div", { class: "list-editor", dataset: { path } }, label ? h("h3", { class: "list-title", text: label }) : null,
      empty, box, add),
    read: () => items.map((item) => item.read()),
  };
}

function fieldEditor(name, spec, value, onChange) {
  if (spec.kind === "group") {
    const parts = Object.entries(spec.fields).map(([child, childSpec]) => [child,
      childSpec.kind === "list"
        ? listEditor(childSpec.rows, (value || {})[child], `${name}.${child}`, t(`ax_${name}_${child}`), onChange)
        : control(childSpec, (value || {})[child], t(`ax_${name}_${child}`), `${name}.${child}`)]);
    return { element: h("div", { class: "group-editor" }, parts.map(([, part]) => part.element)),
      read: () => Object.fromEntries(parts.map(([child, part]) => [child, part.read()])) };
  }
  return listEditor(spec.rows, value, name, "", onChange); // the section's title names it already
}

// The parent's text, read-only, beside each section of a regional axe. --------------------------------------

function shownValue(spec, value) {
  if (value === null || value === undefined || value === "") return "";
  if (spec.kind === "choice") return t(`${spec.prefix}_${value}`);
  if (spec.kind === "int") return spec.minimum < 0 ? signed(value) : num(value);
  return String(value);
}

function parentView(name, spec, value) {
  const rowsView = (rowKind, rows) => (rows && rows.length ? h("ul", { class: "parent-rows" }, rows.map((row) => h("li", {
    dir: "auto", text: Object.entries(ROWS[rowKind]).map(([key, cellSpec]) => shownValue(cellSpec, row[key]))
      .filter(Boolean).join(" · ") }))) : null);
  if (spec.kind === "list") return rowsView(spec.rows, value);
  const parts = Object.entries(spec.fields).map(([child, childSpec]) => {
    const childValue = (value || {})[child];
    let body = null;
    if (childSpec.kind === "list") body = rowsView(childSpec.rows, childValue);
    else if (childSpec.kind === "lines") body = childValue && childValue.length ? h("ul", {}, childValue.map((line) => h("li", { dir: "auto", text: line }))) : null;
    else if (shownValue(childSpec, childValue)) body = h("p", { dir: "auto", text: shownValue(childSpec, childValue) });
    return body ? [h("h3", { text: t(`ax_${name}_${child}`) }), body] : null;
  });
  return parts.some(Boolean) ? parts : null;
}

// The power/interest grid, drawn from the actors as they are typed. ---------------------------------------------

function powerGrid(actors) {
  const quadrant = (key) => ({ key, label: t(`grid_${key}`) });
  return quadrantChart({
    className: "power-grid-svg", ariaLabel: t("power_grid_label"), split: 2.5, format: num, size: 360, margin: 40,
    // 3 and above is "high" (workshop/domain/axes.py power_interest_quadrant)
    quadrants: { topLeft: quadrant("keep_satisfied"), topRight: quadrant("manage_closely"), bottomLeft: quadrant("monitor"),
      bottomRight: quadrant("keep_informed") },
    xLabel: t("grid_interest"), yLabel: t("grid_influence"),
    points: actors.map((actor, index) => ({ ...actor, number: index + 1 }))
      .filter((actor) => actor.influence && actor.interest)
      .map((actor) => ({ x: actor.interest, y: actor.influence, number: actor.number, className: "grid-actor",
        data: { "data-alignment": String(actor.alignment ?? 0) },
        title: `${actor.name || "?"}${actor.role ? ` — ${t(`actor_role_${actor.role}`)}` : ""}` })),
  });
}

function gridLegend(actors) {
  return h("ol", { class: "grid-legend" }, actors.map((actor, index) => h("li", {
    dataset: { alignment: String(actor.alignment ?? 0) } },
  h("span", { class: "grid-legend-number", text: num(index + 1) }),
  h("span", { dir: "auto", text: actor.name || "—" }),
  actor.role ? h("span", { class: "badge", text: t(`actor_role_${actor.role}`) }) : null,
  actor.alignment !== null && actor.alignment !== undefined ? h("span", { class: "grid-legend-alignment", text: signed(actor.alignment) }) : null)));
}

// Building the form ----------------------------------------------------------------------------------------------

function provenanceView(provenance) {
  if (!provenance) return null;
  const parts = [];
  if (provenance.declined_from) parts.push(h("p", { text: t("provenance_declined") }));
  if ((provenance.clusters || []).length) {
    parts.push(h("h3", { class: "provenance-title", text: t("provenance_clusters") }),
      h("ul", {}, provenance.clusters.map((cluster) => h("li", { dir: "auto", text: cluster.label }))));
  }
  if ((provenance.ideas || []).length) {
    parts.push(h("h3", { class: "provenance-title", text: t("provenance_ideas") }),
      h("ul", { class: "provenance-ideas", tabindex: "0" }, provenance.ideas.map((idea) => h("li", { dir: "auto", text: idea.text }))));
  }
  if ((provenance.scores || []).length) {
    parts.push(h("h3", { class: "provenance-title", text: t("provenance_scores") }), h("ul", {}, provenance.scores.map((score) => {
      const item = score.item || {};
      const facts = [
        item.rank ? `${t("rank")} ${num(item.rank)}` : "",
        item.score !== undefined && item.score !== null ? t("score_out_of_100", { score: num(item.score) }) : "",
        item.points !== undefined && item.points !== null ? t("points_total", { points: num(item.points) }) : "",
        item.total !== undefined && item.total !== null ? t("points_total", { points: num(item.total) }) : "",
        item.agreement && item.agreement.label ? t(`agreement_${item.agreement.label}`) : "",
      ].filter(Boolean);
      return h("li", {}, h("strong", { text: t(`type_${score.type}`) }), " · ",
        h("span", { dir: "auto", text: score.prompt }), facts.length ? ` — ${item.text ? `${item.text}: ` : ""}${facts.join(" · ")}` : "");
    })));
  }
  return parts.length ? parts : null;
}

function markDirty() {
  if (state.saving) return;
  state.dirty = true;
  setStatus("unsaved", t("unsaved"));
}

function setStatus(kind, message) {
  const status = document.getElementById("save-status");
  if (!status) return;
  status.dataset.status = kind;
  status.textContent = message;
}

function build(view) {
  state.view = view;
  state.version = view.axis.version;
  state.dirty = false;
  const axis = view.axis;
  const sri = view.strategy.kind === "sri";
  const parent = axis.parent || null;

  const title = control(SCHEMA.title, axis.title, t("axis_title"), "title");
  title.control.required = true;
  const theme = control(SCHEMA.theme, axis.theme, t("axis_theme"), "theme");
  theme.control.querySelector('option[value=""]').remove();
  const status = control(SCHEMA.status, axis.status, t("status"), "status");
  status.control.querySelector('option[value=""]').remove();
  const identity = [title, theme, status];
  let disposition = null;
  let parentSelect = null;
  if (sri) {
    disposition = control(SCHEMA.disposition, axis.disposition, t("disposition"), "disposition");
    disposition.control.querySelector('option[value=""]').remove();
    const parentId = nextId("parent");
    parentSelect = h("select", { id: parentId, name: "parent_axis_id" }, h("option", { value: "", text: t("no_parent") }),
      view.parent_candidates.map((candidate) => h("option", { value: String(candidate.id), text: `${candidate.code} · ${candidate.title}`,
        selected: candidate.id === axis.parent_axis_id })));
    const syncParent = () => {
      const regional = disposition.control.value === "regional_only";
      if (regional) parentSelect.value = "";
      parentSelect.disabled = regional;
    };
    disposition.control.addEventListener("change", syncParent);
    syncParent();
    identity.push(disposition, { element: h("div", { class: "field" }, h("label", { for: parentId, text: t("parent_axis") }), parentSelect) });
  }
  state.identity = { title, theme, status, disposition, parentSelect };

  const gridBox = h("div", { class: "power-grid" });
  const sections = [];
  const editors = {};
  for (const [name, spec] of Object.entries(FIELDS)) {
    const onChange = name === "actors" ? () => drawGrid() : () => {};
    const editor = fieldEditor(name, spec, axis.fields[name], onChange);
    editors[name] = editor;
    const aside = parent ? parentView(name, spec, parent.fields[name]) : null;
    sections.push(h("section", { class: `axis-section section-${name}`, dataset: { section: name } },
      h("h2", { text: t(`ax_${name}`) }),
      h("div", { class: `section-body ${parent ? "with-parent" : ""}`.trim() },
        h("div", { class: "section-editor" }, editor.element,
          name === "actors" ? h("div", { class: "power-grid-box" }, h("h3", { text: t("power_grid") }), gridBox,
            h("p", { class: "note", text: t("alignment_legend") })) : null),
        parent ? h("aside", { class: "parent-text",
          // One complementary landmark per section: each is named after its section, or they are all alike.
          "aria-label": t("action_on_item", { action: t("parent_text"), item: t(`ax_${name}`) }) },
          h("p", { class: "parent-text-title" }, h("span", { dir: "ltr", text: `${parent.code} ` }), h("span", { dir: "auto", text: parent.title })),
          aside || h("p", { class: "empty", text: "–" })) : null)));
  }
  state.fields = editors;

  function drawGrid() {
    const actors = editors.actors.read();
    fill(gridBox, powerGrid(actors), gridLegend(actors));
  }

  state.versions = versionsEditor(SCHEMA.versions, axis.versions || {}, control);
  const versions = state.versions.element;
  const provenance = provenanceView(axis.provenance);
  const saveButton = h("button", { type: "submit", class: "primary", id: "save", text: t("save") });
  fill(form,
    h("section", { class: "axis-section section-identity", dataset: { section: "identity" } },
      h("div", { class: "identity-grid" }, identity.map((part) => part.element)),
      parent ? h("aside", { class: "parent-text parent-identity" },
        h("p", { class: "parent-text-title", text: t("parent_text") }),
        h("p", {}, h("span", { dir: "ltr", text: `${parent.code} ` }), h("strong", { dir: "auto", text: parent.title }))) : null),
    sections,
    versions,
    provenance ? h("section", { class: "axis-section section-provenance" }, h("h2", { text: t("provenance") }), provenance) : null,
    h("div", { class: "save-bar" }, saveButton,
      h("p", { id: "save-status", class: "save-status", "aria-live": "polite", dataset: { status: "saved" },
        text: t("saved", { version: num(state.version) }) })));
  drawGrid();
}

function readChanges() {
  const { title, theme, status, disposition, parentSelect } = state.identity;
  const changes = {
    title: title.read(), theme: theme.read(), status: status.read(),
    fields: Object.fromEntries(Object.entries(state.fields).map(([name, editor]) => [name, editor.read()])),
    versions: state.versions.read(),
  };
  if (disposition) {
    changes.disposition = disposition.read();
    changes.parent_axis_id = parentSelect.value ? Number(parentSelect.value) : null;
  }
  return changes;
}

async function load() {
  try {
    const response = await fetch(`/m/api/axes/${page.axis_id}`, { credentials: "same-origin" });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error ? data.error.message : String(response.status));
    conflictBox.hidden = true;
    fill(conflictBox);
    build(data);
  } catch (error) {
    fill(form, h("p", { class: "error", role: "alert", text: t("load_failed", { message: error.message || t("no_answer") }) }));
  }
}

function showConflict(currentVersion) {
  conflictBox.hidden = false;
  fill(conflictBox,
    h("h2", { class: "conflict-title", text: t("conflict_title") }),
    h("p", { class: "conflict-text", text: t("conflict_text", { version: num(currentVersion) }) }),
    h("button", { type: "button", class: "primary", dataset: { action: "reload" }, text: t("reload_their_version"),
      onclick: () => load() }));
  conflictBox.scrollIntoView({ block: "start" });
  conflictBox.querySelector("button").focus({ preventScroll: true });
}

async function save() {
  if (state.saving || !state.view) return;
  const changes = readChanges();
  const previousParent = state.view.axis.parent_axis_id;
  state.saving = true;
  const button = document.getElementById("save");
  button.disabled = true;
  setStatus("saving", t("saving"));
  let response;
  let data = {};
  try {
    response = await fetch(`/m/api/axes/${page.axis_id}`, { method: "PUT", credentials: "same-origin",
      headers: writeHeaders({ "Content-Type": "application/json" }),
      body: JSON.stringify({ version: state.version, changes }) });
    data = await response.json().catch(() => ({}));
  } catch {
    response = null;
  }
  state.saving = false;
  button.disabled = false;
  if (response && response.ok) {
    state.version = data.axis.version;
    state.view.axis = { ...state.view.axis, ...data.axis, parent: state.view.axis.parent };
    state.dirty = false;
    document.getElementById("axis-heading").textContent = data.axis.title;
    setStatus("saved", t("saved", { version: num(state.version) }));
    if (data.axis.parent_axis_id !== previousParent) load(); // show the new parent's text beside
    return;
  }
  if (response && response.status === 409) {
    setStatus("conflict", t("conflict_title"));
    showConflict(data.error && data.error.current_version);
    return;
  }
  const message = data.error && data.error.message ? data.error.message : response ? String(response.status) : t("not_connected");
  setStatus("failed", t("save_failed", { message }));
  notify(t("save_failed", { message }));
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  save();
});
form.addEventListener("input", markDirty);
form.addEventListener("change", markDirty);
window.addEventListener("beforeunload", (event) => {
  if (!state.dirty) return;
  event.preventDefault();
  event.returnValue = t("leave_unsaved");
});

load();
