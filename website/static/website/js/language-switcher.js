// The language menu is a <details>: it opens and closes without this script.
// This adds what people expect of a menu: Escape closes it and gives the focus
// back to its button, the arrow keys, Home and End move between the languages,
// and a click or a tab outside closes it.
document.querySelectorAll(".language-switcher details").forEach((menu) => {
  const button = menu.querySelector("summary");
  const languages = () => Array.from(menu.querySelectorAll("ul a"));
  const close = (giveFocusBack) => {
    menu.open = false;
    if (giveFocusBack) button.focus();
  };

  menu.addEventListener("keydown", (event) => {
    if (!menu.open) return;
    const links = languages();
    const at = links.indexOf(document.activeElement);
    let next;
    switch (event.key) {
      case "Escape":
        event.preventDefault();
        close(true);
        return;
      case "ArrowDown":
        next = links[(at + 1) % links.length];
        break;
      case "ArrowUp":
        next = links[at <= 0 ? links.length - 1 : at - 1];
        break;
      case "Home":
        next = links[0];
        break;
      case "End":
        next = links[links.length - 1];
        break;
      default:
        return;
    }
    event.preventDefault();
    next.focus();
  });

  menu.addEventListener("focusout", (event) => {
    if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) close(false);
  });

  document.addEventListener("click", (event) => {
    if (menu.open && !menu.contains(event.target)) close(false);
  });
});
