// The barometer's dashboard and console: choose the region of the radar, print, confirm a removal.
// Charts are drawn on the server (SVG); this module only shows and hides what is already on the page.

const regionChoice = document.getElementById("radar-region");
if (regionChoice) {
  const show = () => {
    for (const frame of document.querySelectorAll(".radar-frame")) {
      frame.hidden = frame.dataset.region !== regionChoice.value;
    }
  };
  regionChoice.addEventListener("change", show);
  show();
}

const printButton = document.getElementById("print-dashboard");
if (printButton) {
  printButton.addEventListener("click", () => window.print());
}

for (const button of document.querySelectorAll("button[data-confirm]")) {
  button.addEventListener("click", (event) => {
    if (!window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });
}
