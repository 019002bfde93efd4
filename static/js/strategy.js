// The strategy page: reorder the axes (drag or arrows), and for an SNI the thematic workshops side by side.

import Sortable from "../vendor/sortable/sortable.esm.js";
import { fill, h, notify, num, page, t, tn, writeHeaders } from "./dom.js";

const list = document.getElementById("axes");

async function postJson(url, body) {
  try {
    const response = await fetch(url, { method: "POST", headers: writeHeaders({ "Content-Type": "application/json" }),
      body: JSON.stringify(body), credentials: "same-origin" });
    const data = await response.json().catch(() => ({}));
    return response.ok ? data : { ok: false, error: data.error || { message: t("no_answer") } };
  } catch {
    return { ok: false, error: { message: t("not_connected") } };
  }
}

function renumber() {
  const rows = [...list.querySelectorAll(".axis-row")];
  rows.forEach((row, index) => {
    row.querySelector(".axis-position").textContent = num(index + 1);
    row.querySelector('[data-action="up"]').disabled = index === 0;
    row.querySelector('[data-action="down"]').disabled = index === rows.length - 1;
  });
}

/** Put the rows in the server's order (the answer to every move), so the page never shows an order not saved. */
function applyOrder(order) {
  const rows = new Map([...list.querySelectorAll(".axis-row")].map((row) => [Number(row.dataset.axisId), row]));
  for (const id of order) if (rows.has(id)) list.append(rows.get(id));
  renumber();
}

async function move(row, position, button) {
  const previous = [...list.querySelectorAll(".axis-row")].map((other) => Number(other.dataset.axisId));
  if (button) button.disabled = true;
  const answer = await postJson(`/m/api/axes/${row.dataset.axisId}/move`, { position });
  if (answer.ok) {
    applyOrder(answer.order);
    list.dataset.saved = "true";
    notify(t("axis_moved"), "info");
  } else {
    applyOrder(previous);
    notify(answer.error.message);
  }
  if (button && button.isConnected) renumber();
}

// Delete, merge, undo: the server answers, then the page reloads to show its list (and what « Annuler » would undo).

async function deleteAxis(button) {
  const row = button.closest(".axis-row");
  if (!window.confirm(t("confirm_delete_axis", { code: button.dataset.code, title: button.dataset.title }))) return;
  button.disabled = true;
  const answer = await postJson(`/m/api/axes/${row.dataset.axisId}/delete`, {});
  if (answer.ok) window.location.reload();
  else {
    button.disabled = false;
    notify(answer.error.message);
  }
}

const mergeBar = document.getElementById("axes-merge");

function picked() {
  return [...document.querySelectorAll(".axis-pick:checked")].map((box) => ({
    id: Number(box.closest(".axis-row").dataset.axisId), code: box.dataset.code, title: box.dataset.title }));
}

function renderMergeBar() {
  if (!mergeBar) return;
  const axes = picked();
  mergeBar.hidden = axes.length < 2;
  const target = mergeBar.querySelector("select");
  const previous = target.value;
  fill(target, axes.map((axis) => h("option", { value: String(axis.id), text: `${axis.code} · ${axis.title}` })));
  if (axes.some((axis) => String(axis.id) === previous)) target.value = previous;
}

if (mergeBar) {
  document.addEventListener("change", (event) => {
    if (event.target.classList.contains("axis-pick")) renderMergeBar();
  });
  mergeBar.querySelector("button").addEventListener("click", async (event) => {
    const axes = picked();
    const targetId = Number(mergeBar.querySelector("select").value);
    if (axes.length < 2) {
      notify(t("merge_axes_needs_two"));
      return;
    }
    event.currentTarget.disabled = true;
    const answer = await postJson(`/m/api/axes/${targetId}/merge`, {
      source_ids: axes.map((axis) => axis.id).filter((id) => id !== targetId) });
    if (answer.ok) window.location.reload();
    else {
      event.currentTarget.disabled = false;
      notify(answer.error.message);
    }
  });
}

const undoButton = document.getElementById("undo-axes");
if (undoButton) {
  undoButton.addEventListener("click", async () => {
    undoButton.disabled = true;
    const answer = await postJson(`/m/events/${page.event_id}/strategy/undo`, {});
    if (answer.ok) {
      // Say what was undone once the page shows the list again.
      sessionStorage.setItem("strategy_notice", t("undone_what", { action: t(`log_${answer.undone.kind}`),
        what: answer.undone.summary }));
      window.location.reload();
    }
    else {
      undoButton.disabled = false;
      notify(answer.error.message);
    }
  });
}

const pendingNotice = sessionStorage.getItem("strategy_notice");
if (pendingNotice) {
  sessionStorage.removeItem("strategy_notice");
  notify(pendingNotice, "info");
}

if (list) {
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    if (button.dataset.action === "delete-axis") {
      deleteAxis(button);
      return;
    }
    const row = button.closest(".axis-row");
    const rows = [...list.querySelectorAll(".axis-row")];
    const index = rows.indexOf(row);
    const position = button.dataset.action === "up" ? index - 1 : index + 1;
    if (position < 0 || position >= rows.length) return;
    // Move at once, then confirm with the server's order.
    list.insertBefore(row, button.dataset.action === "up" ? rows[index - 1] : rows[index + 1].nextSibling);
    renumber();
    move(row, position, button);
  });
  Sortable.create(list, {
    handle: ".axis-grip",
    draggable: ".axis-row",
    animation: 120,
    delay: 180,
    delayOnTouchOnly: true,
    touchStartThreshold: 6,
    forceFallback: true,
    fallbackOnBody: true,
    ghostClass: "card-ghost",
    onEnd: (event) => {
      if (event.oldIndex === event.newIndex) return;
      renumber();
      move(event.item, event.newIndex, null);
    },
  });
}

// The national view: each thematic workshop's priorities and axes, and the pairs the moderator confirmed as one
// common priority or one common axe, each side with its label and room (all from national.json). ---------------

function pairSide(side, withCode) {
  return h("span", { class: "national-side" },
    withCode ? h("span", { dir: "ltr", text: `${side.code} ` }) : null,
    h("span", { dir: "auto", text: side.label }),
    h("span", { class: "note", dir: "auto", text: ` (${side.room_name})` }));
}

function confirmedPairs(title, entries, sides, withCode) {
  const confirmed = entries.filter((entry) => entry.confirmed);
  const proposed = entries.length - confirmed.length;
  return h("section", { class: "national-pairs" },
    h("h3", { text: title }),
    confirmed.length
      ? h("ul", { class: "national-pair-list" }, confirmed.map((entry) => h("li", { class: "national-pair" },
        entry[sides].flatMap((side, index) => (index ? [h("span", { class: "national-equals", text: " = " }),
          pairSide(side, withCode)] : [pairSide(side, withCode)])))))
      : h("p", { class: "empty", text: t("national_no_confirmed") }),
    proposed ? h("p", { class: "note national-proposed", text: tn("national_proposed_count", proposed) }) : null);
}

async function showNational() {
  const box = document.getElementById("national");
  if (!box) return;
  let data;
  try {
    const response = await fetch(`/m/events/${page.event_id}/national.json`, { credentials: "same-origin" });
    data = await response.json();
    if (!response.ok) throw new Error(data.error ? data.error.message : String(response.status));
  } catch (error) {
    fill(box, h("p", { class: "error", text: error.message || t("no_answer") }));
    return;
  }
  fill(box,
    h("div", { class: "national-common" },
      confirmedPairs(t("national_common_priorities"), data.common_priorities || [], "clusters", false),
      confirmedPairs(t("national_common_axes"), data.common_axes || [], "axes", true)),
    h("div", { class: "national-columns" }, (data.rooms || []).map((column) => h("section", {
      class: "national-column", dataset: { roomId: column.room.id } },
    h("h3", { dir: "auto", text: column.room.name }),
    h("h4", { text: t("national_priorities") }),
    column.priorities && column.priorities.items.length
      ? [h("p", { class: "note", dir: "auto", text: column.priorities.activity.prompt }),
        h("ol", { class: "national-priorities" }, column.priorities.items.map((item) => h("li", {},
          h("span", { dir: "auto", text: item.text }),
          h("span", { class: "national-value", text: item.score !== null && item.score !== undefined
            ? ` · ${num(item.score)}/100` : item.points !== null && item.points !== undefined ? ` · ${num(item.points)}`
              : item.total !== null && item.total !== undefined ? ` · ${num(item.total)}` : "" }))))]
      : h("p", { class: "empty", text: t("national_no_priorities") }),
    h("h4", { text: t("national_axes") }),
    column.axes.length
      ? h("ul", { class: "national-axes" }, column.axes.map((axis) => h("li", {
        class: `national-axis ${axis.common ? "is-common" : "is-distinct"}`, dataset: { common: String(axis.common) } },
      h("a", { href: `/m/axes/${axis.id}`, dir: "auto" }, h("span", { dir: "ltr", text: `${axis.code} ` }), axis.title),
      h("span", { class: "badge", text: t(`theme_${axis.theme}`) }),
      h("span", { class: "national-tag", text: axis.common ? t("national_common") : t("national_distinct") }))))
      : h("p", { class: "empty", text: t("national_no_axes") })))));
}

showNational();
