// The timeline's small behaviours: the country and actor pickers (a combobox whose suggestions
// htmx fetches) and the histogram (a click or a drag across bars sets the From and To filters).
// Everything is delegated from the document, so content that htmx swaps in works as it comes.
// Filtering itself is htmx's: a "change" event bubbling to the filter form sends it.
(function () {
  "use strict";

  // --- Pickers ---------------------------------------------------------------------------

  function pickerOf(element) {
    return element.closest("[data-picker]");
  }

  function parts(picker) {
    return {
      input: picker.querySelector("[role=combobox]"),
      listbox: picker.querySelector("[role=listbox]"),
      chips: picker.querySelector(".chips"),
      name: picker.dataset.picker,
    };
  }

  function options(picker) {
    return Array.from(parts(picker).listbox.querySelectorAll("[role=option]"));
  }

  function setOpen(picker, open) {
    const { input, listbox } = parts(picker);
    if (!open) {
      listbox.replaceChildren();
      input.removeAttribute("aria-activedescendant");
    }
    input.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function activate(picker, index) {
    const { input } = parts(picker);
    const all = options(picker);
    all.forEach((option, i) => option.setAttribute("aria-selected", i === index ? "true" : "false"));
    if (all[index]) {
      input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    }
  }

  function activeIndex(picker) {
    return options(picker).findIndex((option) => option.getAttribute("aria-selected") === "true");
  }

  function choose(picker, option) {
    const { input, chips, name } = parts(picker);
    const value = option.dataset.value;
    let box = Array.from(chips.querySelectorAll("input[type=checkbox]")).find(
      (checkbox) => checkbox.value === value,
    );
    if (!box) {
      box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = value;
      const label = document.createElement("label");
      label.className = "chip";
      label.append(box, " " + option.dataset.label);
      const item = document.createElement("li");
      item.append(label);
      chips.append(item);
    }
    box.checked = true;
    input.value = "";
    setOpen(picker, false);
    input.focus();
    box.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // The picker's own text box is no filter: its changes must not send the form.
  document.addEventListener(
    "change",
    (event) => {
      if (event.target.matches("[data-picker] [role=combobox]")) event.stopPropagation();
    },
    true,
  );

  document.addEventListener(
    "keydown",
    (event) => {
      const input = event.target;
      if (!input.matches || !input.matches("[data-picker] [role=combobox]")) return;
      const picker = pickerOf(input);
      const count = options(picker).length;
      const current = activeIndex(picker);
      if (event.key === "ArrowDown" && count) {
        activate(picker, (current + 1) % count);
        event.preventDefault();
      } else if (event.key === "ArrowUp" && count) {
        activate(picker, current <= 0 ? count - 1 : current - 1);
        event.preventDefault();
      } else if (event.key === "Enter") {
        // Enter picks the highlighted suggestion (or the only one); it never submits the form.
        event.preventDefault();
        const all = options(picker);
        const option = all[current] || (all.length === 1 ? all[0] : null);
        if (option) choose(picker, option);
      } else if (event.key === "Escape") {
        setOpen(picker, false);
      }
    },
    true,
  );

  document.addEventListener("input", (event) => {
    if (event.target.matches("[data-picker] [role=combobox]") && !event.target.value.trim()) {
      setOpen(pickerOf(event.target), false);
    }
  });

  document.addEventListener("mousedown", (event) => {
    const option = event.target.closest("[data-picker] [role=option]");
    if (option) {
      event.preventDefault(); // keep the focus in the text box
      choose(pickerOf(option), option);
    }
  });

  document.addEventListener("focusout", (event) => {
    if (event.target.matches("[data-picker] [role=combobox]")) {
      const picker = pickerOf(event.target);
      setTimeout(() => {
        if (!picker.contains(document.activeElement)) setOpen(picker, false);
      }, 150);
    }
  });

  document.addEventListener("htmx:afterSwap", (event) => {
    const listbox = event.detail.target;
    if (listbox.matches && listbox.matches("[data-picker] [role=listbox]")) {
      const picker = pickerOf(listbox);
      const typed = parts(picker).input.value.trim();
      setOpen(picker, Boolean(typed) && listbox.children.length > 0);
      if (!typed) listbox.replaceChildren();
    }
  });

  // --- Histogram -------------------------------------------------------------------------

  let drag = null; // {chart, first, last}: the bars a drag has gone across

  function barAt(x, y) {
    const element = document.elementFromPoint(x, y);
    return element ? element.closest(".histogram-bar") : null;
  }

  function barsOf(chart) {
    return Array.from(chart.querySelectorAll(".histogram-bar"));
  }

  function markRange(chart, first, last) {
    const bars = barsOf(chart);
    const [low, high] = [bars.indexOf(first), bars.indexOf(last)].sort((a, b) => a - b);
    bars.forEach((bar, i) => bar.classList.toggle("selected", i >= low && i <= high));
    return [bars[low], bars[high]];
  }

  function narrowDates(dateFrom, dateTo) {
    const form = document.getElementById("filters");
    if (!form) return false;
    form.elements.date_from.value = dateFrom;
    form.elements.date_to.value = dateTo;
    form.elements.date_to.dispatchEvent(new Event("change", { bubbles: true }));
    return true;
  }

  document.addEventListener("pointerdown", (event) => {
    const bar = event.target.closest && event.target.closest(".histogram-bar");
    if (!bar || event.button !== 0) return;
    event.preventDefault(); // no text selection or link drag while sweeping across bars
    drag = { chart: bar.closest("[data-histogram]"), first: bar, last: bar };
    markRange(drag.chart, bar, bar);
  });

  document.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const bar = barAt(event.clientX, event.clientY);
    if (bar && drag.chart.contains(bar) && bar !== drag.last) {
      drag.last = bar;
      markRange(drag.chart, drag.first, bar);
    }
  });

  document.addEventListener("pointerup", () => {
    if (!drag) return;
    const [low, high] = markRange(drag.chart, drag.first, drag.last);
    drag = null;
    narrowDates(low.dataset.from, high.dataset.to);
  });

  // A click that ended a drag was handled on pointerup; a keyboard "click" (Enter) picks its bar.
  document.addEventListener("click", (event) => {
    const bar = event.target.closest && event.target.closest(".histogram-bar");
    if (!bar) return;
    event.preventDefault();
    if (event.detail === 0) narrowDates(bar.dataset.from, bar.dataset.to);
  });
})();
