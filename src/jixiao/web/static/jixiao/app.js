// jixiao's pages: tabs of the editor, links from findings to their fields, field notes after
// each live check, confirmations. No inline script anywhere (the CSP forbids it).
"use strict";

function showPart(slug) {
  document.querySelectorAll("section.part").forEach(function (part) {
    part.hidden = part.dataset.part !== slug;
  });
  document.querySelectorAll("[data-tab]").forEach(function (tab) {
    tab.setAttribute("aria-selected", tab.dataset.tab === slug ? "true" : "false");
  });
  try { sessionStorage.setItem("jixiao-part", slug); } catch (e) { /* private mode */ }
}

function goTo(id) {
  var field = document.getElementById(id);
  if (!field) { return; }
  var part = field.closest("section.part");
  if (part) { showPart(part.dataset.part); }
  field.scrollIntoView({block: "center"});
  field.focus();
}

function placeNotes() {
  var notes = document.getElementById("field-notes");
  if (!notes) { return; }
  document.querySelectorAll("ul.notes").forEach(function (list) { list.replaceChildren(); });
  document.querySelectorAll(".field.has-notes").forEach(function (f) { f.classList.remove("has-notes"); });
  notes.content.querySelectorAll("li[data-for]").forEach(function (item) {
    var list = document.querySelector('ul.notes[data-notes-for="' + item.dataset.for + '"]');
    if (list) {
      list.appendChild(item.cloneNode(true));
      list.parentElement.classList.add("has-notes");
    }
  });
}

function setUp() {
  var tabs = document.querySelectorAll("[data-tab]");
  if (tabs.length) {
    var saved = null;
    try { saved = sessionStorage.getItem("jixiao-part"); } catch (e) { /* private mode */ }
    var first = tabs[0].dataset.tab;
    showPart(saved && document.getElementById(saved) ? saved : first);
  }
  placeNotes();
}

document.addEventListener("DOMContentLoaded", setUp);
document.addEventListener("htmx:afterSettle", function (event) {
  placeNotes();
  if (event.target && event.target.id === "parts") {
    var current = document.querySelector('[data-tab][aria-selected="true"]');
    showPart(current ? current.dataset.tab : document.querySelector("[data-tab]").dataset.tab);
  }
});
document.addEventListener("click", function (event) {
  var tab = event.target.closest("[data-tab]");
  if (tab) { showPart(tab.dataset.tab); return; }
  var link = event.target.closest("[data-goto]");
  if (link) { event.preventDefault(); goTo(link.dataset.goto); }
});
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { event.preventDefault(); }
});
document.addEventListener("change", function (event) {
  var select = event.target.closest(".comment-path");
  if (select) {
    var option = select.selectedOptions[0];
    select.closest(".field-comment").querySelector(".comment-label").value = option ? (option.dataset.label || "") : "";
  }
});
