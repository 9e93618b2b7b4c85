// The import page's drop zone: files dropped on it go into its file input, as if chosen
// there, and their names are listed. Without JavaScript the file input works as it is.
(function () {
  "use strict";

  function listFiles(zone, input) {
    var list = zone.querySelector(".drop-list");
    list.replaceChildren();
    Array.prototype.forEach.call(input.files, function (file) {
      var item = document.createElement("li");
      item.textContent = file.name + " (" + Math.max(1, Math.round(file.size / 1024)) + " KB)";
      list.appendChild(item);
    });
  }

  function setUp(zone) {
    var input = zone.querySelector('input[type="file"]');
    if (!input) {
      return;
    }
    zone.querySelector(".drop-hint").hidden = false;
    input.addEventListener("change", function () {
      listFiles(zone, input);
    });
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add("is-dragging");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () {
        zone.classList.remove("is-dragging");
      });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (!event.dataTransfer || !event.dataTransfer.files.length) {
        return;
      }
      input.files = event.dataTransfer.files;
      listFiles(zone, input);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-drop-zone]").forEach(setUp);
  });
})();
