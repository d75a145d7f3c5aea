// The print button of the one-page book (no inline handler: the site's policy forbids them).
for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}
