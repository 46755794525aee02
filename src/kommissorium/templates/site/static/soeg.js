/* Søgning uden server: et lille indeks (soegeindeks.js) og almindelig JavaScript.
   Uden JavaScript er formularen skjult, og siden forklarer, hvor organerne står. */
(function () {
  "use strict";
  var index = window.kommissoriumSoegeindeks;
  var form = document.getElementById("soegeformular");
  var field = document.getElementById("soegefelt");
  var status = document.getElementById("soegestatus");
  var list = document.getElementById("soegeresultater");
  var nojs = document.getElementById("soeg-uden-js");
  if (!form || !field || !status || !list || !Array.isArray(index)) { return; }
  form.hidden = false;
  if (nojs) { nojs.hidden = true; }

  function norm(text) {
    return String(text || "").toLocaleLowerCase("da").replace(/\s+/g, " ").trim();
  }
  var entries = index.map(function (e) {
    return {
      e: e,
      name: norm([e.navn].concat(e.andre || []).join(" ")),
      tasks: (e.opgaver || []).map(norm)
    };
  });

  function search(query) {
    var terms = norm(query).split(" ").filter(Boolean);
    if (!terms.length) { return []; }
    var hits = [];
    entries.forEach(function (x) {
      var score = 0, task = null;
      for (var i = 0; i < terms.length; i++) {
        var t = terms[i];
        if (x.name.indexOf(t) >= 0) { score += 10; continue; }
        var found = null;
        for (var j = 0; j < x.tasks.length; j++) {
          if (x.tasks[j].indexOf(t) >= 0) { found = j; break; }
        }
        if (found === null) { return; }
        score += 1;
        if (task === null) { task = found; }
      }
      if (x.name === norm(query)) { score += 100; }
      hits.push({ x: x, score: score, task: task });
    });
    hits.sort(function (a, b) {
      return b.score - a.score || a.x.e.navn.localeCompare(b.x.e.navn, "da");
    });
    return hits;
  }

  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var q = query.trim();
    if (!q) { status.textContent = ""; return; }
    var hits = search(q);
    status.textContent = hits.length === 0 ? "Ingen organer matcher «" + q + "»."
      : (hits.length === 1 ? "1 organ" : hits.length + " organer") + " matcher «" + q + "».";
    hits.forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.x.e.url;
      a.textContent = h.x.e.navn;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " " + [h.x.e.omraade, h.x.e.niveau].filter(Boolean).join(" · ");
      li.appendChild(meta);
      if (h.task !== null) {
        var p = document.createElement("p");
        p.className = "uddrag";
        p.textContent = "Opgave: " + h.x.e.opgaver[h.task];
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  var timer = null;
  field.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(field.value); }, 150);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    show(field.value);
    try {
      var url = new URL(window.location.href);
      url.searchParams.set("q", field.value);
      window.history.replaceState(null, "", url.toString());
    } catch (err) { /* file:// in some browsers: the address just stays */ }
  });
  var initial = "";
  try { initial = new URLSearchParams(window.location.search).get("q") || ""; } catch (err) { initial = ""; }
  if (initial) { field.value = initial; show(initial); }
}());
