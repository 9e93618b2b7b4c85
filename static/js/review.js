// Keyboard shortcuts of the review queue. Every key presses a button or link the meeting
// already shows (data-action), so the keys do exactly what a click does, htmx included.
// j/k: next/previous meeting; v: verify; r: reject; u: undo a verdict; e: edit; x: select;
// o: open the meeting's page. Keys typed into a field are left alone.
(function () {
  "use strict";

  const ITEM = ".review-item";
  let advanceFrom = null; // after a verdict by key, the meeting whose next one gets the focus

  function items() {
    return Array.from(document.querySelectorAll(ITEM));
  }

  function current() {
    const focused = document.activeElement && document.activeElement.closest(ITEM);
    return focused || null;
  }

  function focusItem(item) {
    if (!item) return;
    item.focus();
    item.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    const all = items();
    if (!all.length) return;
    const index = all.indexOf(current());
    const next = index === -1 ? 0 : Math.min(Math.max(index + step, 0), all.length - 1);
    focusItem(all[next]);
  }

  function press(item, action) {
    const control = item && item.querySelector(`[data-action="${action}"]`);
    if (!control) return false;
    control.click();
    return true;
  }

  function typing(target) {
    return target.closest("input, select, textarea, [contenteditable]") !== null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const item = current();
    switch (event.key) {
      case "j":
        move(1);
        break;
      case "k":
        move(-1);
        break;
      case "v":
      case "r":
        if (item && press(item, event.key === "v" ? "verify" : "reject")) {
          advanceFrom = item.dataset.meeting;
        }
        break;
      case "u":
        press(item, "undo");
        break;
      case "e":
        press(item, "edit");
        break;
      case "x":
        press(item, "select");
        break;
      case "o":
        press(item, "open");
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // A meeting swapped in place takes the focus back, or hands it to the next one after a
  // verdict given by key; Escape in the edit form cancels it.
  // htmx:load fires on the new element itself (the one it replaced is gone from the page).
  document.addEventListener("htmx:load", function (event) {
    const item = event.target;
    if (!item.matches || !item.matches(ITEM)) return;
    if (advanceFrom === item.dataset.meeting) {
      advanceFrom = null;
      const all = items();
      focusItem(all[all.indexOf(item) + 1] || item);
    } else if (item.matches("form")) {
      item.querySelector("input:not([type=hidden]), select, textarea").focus();
    } else {
      item.focus();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    const form = event.target.closest && event.target.closest("form.review-edit");
    if (form && press(form, "cancel")) event.preventDefault();
  });
})();
