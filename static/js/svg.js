// A tiny SVG builder, the twin of dom.js's h(): drawings made of nodes, never of parsed markup.

// Spelled in pieces: the namespace is a name, not an address the page loads (tests look for absolute URLs).
const SVG_NS = ["http:", "", "www.w3.org", "2000", "svg"].join("/");

/** Build an SVG element. ``attrs``: class, text (textContent), other attributes as strings. */
export function s(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A text that wraps inside ``width`` (in user units) as several <tspan> lines, at most ``lines`` of them. */
export function wrappedText(text, { x, y, width, size, lines = 2, anchor = "middle", bottom = false, ...attrs }) {
  const perLine = Math.max(4, Math.floor(width / (size * 0.55)));
  const words = String(text).split(/\s+/).filter(Boolean);
  const rows = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length > perLine && current) {
      rows.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) rows.push(current);
  if (rows.length > lines) {
    rows.length = lines;
    rows[lines - 1] = `${rows[lines - 1].slice(0, perLine - 1)}…`;
  }
  // ``bottom``: y is the baseline of the last line (labels at the foot of a box grow upwards).
  const top = bottom ? y - (rows.length - 1) * size * 1.15 : y;
  return s("text", { x, y: top, "font-size": size, "text-anchor": anchor, ...attrs },
    rows.map((row, index) => s("tspan", { x, dy: index === 0 ? 0 : size * 1.15, text: row })));
}

/**
 * A 2×2 chart on two 1–5 scales (the prioritization matrix, the power/interest grid): four tinted quadrants with
 * their names in the outer corners, ticks, axis names, and numbered dots. Values are drawn half a step inside the
 * frame so that a dot at 5 never covers a quadrant's name.
 *
 * ``split``: where "high" starts on both scales; ``quadrants``: {topLeft, topRight, bottomLeft, bottomRight} each
 * {key, label}; ``points``: [{x, y, number, className, title, data}]; ``format`` writes a number for the page.
 */
export function quadrantChart({ className, ariaLabel, split, quadrants, xLabel, yLabel, points, format,
  size = 400, margin = 44, low = 1, high = 5, fontSize = 13, radius = 13 }) {
  const inner = size - 2 * margin;
  const position = (value) => margin + ((value - (low - 0.5)) / (high - low + 1)) * inner;
  const x = position;
  const y = (value) => size - position(value);
  const cut = position(split);
  const pad = 6;
  const box = (corner, x0, y0, width, height) => {
    const quadrant = quadrants[corner];
    const right = corner.endsWith("Right");
    const bottom = corner.startsWith("bottom");
    return [
      s("rect", { class: `quadrant quadrant-${quadrant.key}`, x: x0, y: y0, width, height }),
      wrappedText(quadrant.label, { x: right ? x0 + width - pad : x0 + pad, y: bottom ? y0 + height - pad : y0 + fontSize + 2,
        width: width - 2 * pad, size: fontSize, lines: 2, anchor: right ? "end" : "start", bottom, class: "quadrant-label" }),
    ];
  };
  const ticks = [];
  for (let value = low; value <= high; value += 1) {
    ticks.push(
      s("text", { class: "chart-tick", x: x(value), y: size - margin + fontSize + 4, "text-anchor": "middle", "font-size": fontSize - 1,
        text: format(value) }),
      s("text", { class: "chart-tick", x: margin - 8, y: y(value) + fontSize / 3, "text-anchor": "end", "font-size": fontSize - 1,
        text: format(value) }));
  }
  const seen = new Map();
  const dots = points.map((point) => {
    let cx = x(point.x);
    let cy = y(point.y);
    const spot = `${Math.round(cx)},${Math.round(cy)}`;
    const twins = seen.get(spot) || 0;
    seen.set(spot, twins + 1);
    if (twins) { // the same place twice: fan the dots out so that each stays readable
      cx += (radius + 3) * Math.cos(twins * 2.1);
      cy += (radius + 3) * Math.sin(twins * 2.1);
    }
    return s("g", { class: `chart-dot ${point.className || ""}`.trim(), ...point.data },
      s("title", { text: point.title }),
      s("circle", { cx, cy, r: radius }),
      s("text", { x: cx, y: cy + radius * 0.35, "text-anchor": "middle", "font-size": radius, class: "chart-dot-number",
        text: format(point.number) }));
  });
  return s("svg", { class: className, viewBox: `0 0 ${size} ${size}`, role: "img", dir: "ltr", "aria-label": ariaLabel },
    box("topLeft", margin, margin, cut - margin, size - cut - margin),
    box("topRight", cut, margin, size - margin - cut, size - cut - margin),
    box("bottomLeft", margin, size - cut, cut - margin, cut - margin),
    box("bottomRight", cut, size - cut, size - margin - cut, cut - margin),
    s("rect", { class: "chart-frame", x: margin, y: margin, width: inner, height: inner }),
    s("line", { class: "chart-split", x1: cut, y1: margin, x2: cut, y2: size - margin }),
    s("line", { class: "chart-split", x1: margin, y1: size - cut, x2: size - margin, y2: size - cut }),
    ticks,
    s("text", { class: "chart-axis", x: size / 2, y: size - 6, "text-anchor": "middle", "font-size": fontSize + 1, text: `${xLabel} →` }),
    s("text", { class: "chart-axis", x: fontSize, y: size / 2, "text-anchor": "middle", "font-size": fontSize + 1,
      transform: `rotate(-90 ${fontSize} ${size / 2})`, text: `${yLabel} →` }),
    dots);
}
