// The page's data island, translated strings, and a tiny DOM builder that never parses HTML.

const island = document.getElementById("page-data");
export const page = island ? JSON.parse(island.textContent) : { strings: {}, lang: "fr", dir: "ltr" };

/** Headers of a write to the server (POST, PUT): the moderator page's CSRF token, which the server checks. */
export function writeHeaders(extra = {}) {
  return page.csrf_token ? { ...extra, "X-CSRFToken": page.csrf_token } : extra;
}

/** How the page's language writes numbers and dates (workshop/domain/languages.py: ar-MA for Arabic). */
export const locale = page.locale || page.lang || "fr";
const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
const percents = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });

/** The translated sentence for ``key``; ``%(name)s`` placeholders are filled from ``params`` (as in Python). */
export function t(key, params) {
  let text = page.strings[key];
  if (text === undefined) {
    console.warn("missing client string", key);
    text = key;
  }
  if (params) {
    text = text.replace(/%\((\w+)\)s/g, (whole, name) => (name in params ? String(params[name]) : whole));
  }
  return text;
}

/** A number written for the page's language (Western digits in Arabic too, as in Morocco). */
export function num(value) {
  return typeof value === "number" ? numbers.format(value) : String(value ?? "");
}

/** A share out of 100 written as a percentage for the page's language ("42 %" in French). */
export function percent(value) {
  return percents.format((value || 0) / 100);
}

const PROPERTIES = new Set(["value", "checked", "disabled", "hidden", "selected", "indeterminate"]);

/**
 * Build an element. ``attrs``: class, text (textContent), dataset, on<event> listeners, DOM properties
 * (value, checked, disabled, hidden), other attributes as strings. Children: nodes, strings (as text), arrays.
 */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) node[key] = value;
    else if (value === false) continue;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace every child of ``node``. */
export function fill(node, ...children) {
  node.textContent = ""; // replaceChildren() needs Chrome 86; older phones still run this page
  append(node, children);
  return node;
}

const signatures = new WeakMap();

/**
 * Make ``parent``'s children match ``items`` in order, rebuilding only the items whose ``signature``
 * changed: a live list then never swaps a button out from under a click that is going on.
 */
export function keyed(parent, items, { key, signature, build }) {
  const old = new Map();
  for (const child of parent.children) if (child.dataset.key) old.set(child.dataset.key, child);
  let previous = null;
  for (const item of items) {
    const id = String(key(item));
    const wanted = signature(item);
    let node = old.get(id);
    old.delete(id);
    if (!node || signatures.get(node) !== wanted) {
      const fresh = build(item);
      fresh.dataset.key = id;
      signatures.set(fresh, wanted);
      if (node) node.replaceWith(fresh);
      node = fresh;
    }
    const expected = previous ? previous.nextElementSibling : parent.firstElementChild;
    if (expected !== node) parent.insertBefore(node, expected);
    previous = node;
  }
  for (const node of old.values()) node.remove();
}

/** Run ``render`` once per animation frame however many times the state changed in between. */
export function batched(render) {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      render();
    });
  };
}

/** Show a message in the page's notice area (an error from the server, mostly); it goes away by itself. */
export function notify(message, kind = "error") {
  const area = document.getElementById("notices");
  if (!area || !message) return;
  const notice = h("p", { class: `notice notice-${kind}` },
    h("span", { class: "notice-text", text: message }),
    h("button", { type: "button", class: "notice-close", "aria-label": t("dismiss"), text: "×",
      onclick: () => notice.remove() }));
  area.append(notice);
  setTimeout(() => notice.remove(), kind === "error" ? 15000 : 5000);
}
