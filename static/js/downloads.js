// Downloads with progress: each link starts an export job, the bar follows it, the file downloads when ready.
// Without this module the links still work: they build the file in the request itself.

import { t, writeHeaders } from "./dom.js";

const POLL_MS = 400;
const form = document.getElementById("export-options");

function options() {
  const data = new FormData(form);
  const params = new URLSearchParams();
  params.set("lang", data.get("lang") || "fr");
  if (data.get("include_hidden")) params.set("include_hidden", "1");
  if (data.get("with_pseudonyms")) params.set("with_pseudonyms", "1");
  if (data.get("without_drafts")) params.set("without_drafts", "1");
  return params;
}

function linkWithOptions(link) {
  const url = new URL(link.getAttribute("href"), window.location.href);
  for (const [key, value] of options()) url.searchParams.set(key, value);
  return url.toString();
}

async function follow(statusUrl, fileUrl, bar, status) {
  for (;;) {
    const response = await fetch(statusUrl, { credentials: "same-origin" });
    if (!response.ok) throw new Error(t("export_failed"));
    const job = await response.json();
    bar.value = job.progress;
    if (job.state === "done") {
      status.textContent = t("export_ready");
      window.location.assign(fileUrl);
      return;
    }
    if (job.state === "failed") throw new Error(job.error || t("export_failed"));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function start(link) {
  const item = link.closest("li");
  const bar = item.querySelector(".export-progress");
  const status = item.querySelector(".export-status");
  const params = options();
  params.set("kind", link.dataset.kind);
  params.set("target", link.dataset.target);
  params.set("format", link.dataset.format);
  bar.hidden = false;
  bar.value = 0;
  status.textContent = t("export_running");
  link.setAttribute("aria-busy", "true");
  try {
    const response = await fetch("/m/exports", { method: "POST", body: params, headers: writeHeaders(),
      credentials: "same-origin" });
    const answer = await response.json();
    if (!answer.ok) throw new Error(answer.error.message);
    await follow(answer.status_url, answer.file_url, bar, status);
  } catch (error) {
    status.textContent = error.message;
    bar.hidden = true;
  } finally {
    link.removeAttribute("aria-busy");
  }
}

for (const link of document.querySelectorAll(".export-link")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    if (link.getAttribute("aria-busy") !== "true") start(link);
  });
  link.addEventListener("auxclick", () => link.setAttribute("href", linkWithOptions(link)));
}
