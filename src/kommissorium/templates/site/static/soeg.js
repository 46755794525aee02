/* Søgning uden server: et lille indeks (soegeindeks.js) og almindelig JavaScript.
   Der søges i al tekst i hvert kommissorium (navn, formål, opgaver, sammensætning, møder …).
   Ord sammenlignes foldet og stammet: store/små bogstaver, å/aa, æ/ae, ø/oe og accenter er ens,
   og simple danske endelser falder bort, så «sundhedsklynger» finder «sundhedsklynge» og
   «kommunekontaktraadet» finder «Kommunekontaktrådet».
   Uden JavaScript er formularen skjult, og siden forklarer, hvor organerne står.
   Funktionerne til foldning og søgning ligger også på window.kommissoriumSoegning (til tests). */
(function () {
  "use strict";

  /* Endelser, længste først; en stamme beholder mindst 4 bogstaver. */
  var ENDINGS = ["ernes", "erne", "enes", "ene", "ens", "ets", "ers", "er", "en", "et", "es", "e", "s"];
  var MIN_STEM = 4;

  function fold(text) {
    var t = String(text || "").toLocaleLowerCase("da")
      .replace(/å/g, "aa").replace(/æ/g, "ae").replace(/ø/g, "oe")
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue");
    if (t.normalize) { t = t.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
    return t.replace(/[^a-z0-9]+/g, " ").trim();
  }

  function stem(word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var e = ENDINGS[i];
      if (word.length - e.length >= MIN_STEM && word.slice(-e.length) === e) {
        return word.slice(0, -e.length);
      }
    }
    return word;
  }

  /* Ordene i en tekst, foldede og stammede. */
  function words(text) {
    var f = fold(text);
    return f ? f.split(" ").map(stem) : [];
  }

  /* " ord1 ord2 … ": et søgeord matcher, når det står i begyndelsen af et ord
     eller inde i et sammensat ord (delstreng af den stammede tekst). */
  function prepare(text) { return " " + words(text).join(" ") + " "; }

  function prepareIndex(index) {
    return index.map(function (e) {
      var passages = (e.tekst || []).map(function (p) {
        return { afsnit: p.afsnit || "", tekst: p.tekst || "", norm: prepare(p.tekst) };
      });
      if (!passages.length) {
        (e.opgaver || []).forEach(function (t) {
          passages.push({ afsnit: "Opgaver", tekst: t, norm: prepare(t) });
        });
      }
      return {
        e: e,
        name: prepare([e.navn].concat(e.andre || []).join(" ")),
        exact: words(e.navn).join(" "),
        passages: passages
      };
    });
  }

  /* Et uddrag omkring det første ord, der matcher søgeordet. */
  function excerpt(text, term) {
    var raw = String(text).split(/\s+/);
    var at = 0;
    for (var i = 0; i < raw.length; i++) {
      if (words(raw[i]).join(" ").indexOf(term) >= 0) { at = i; break; }
    }
    var from = Math.max(0, at - 10), to = Math.min(raw.length, at + 16);
    return (from > 0 ? "… " : "") + raw.slice(from, to).join(" ") + (to < raw.length ? " …" : "");
  }

  function search(entries, query) {
    var terms = words(query);
    if (!terms.length) { return []; }
    var exact = terms.join(" ");
    var hits = [];
    entries.forEach(function (x) {
      var score = 0, first = null;
      for (var i = 0; i < terms.length; i++) {
        var t = terms[i];
        if (x.name.indexOf(" " + t) >= 0) { score += 10; continue; }
        if (x.name.indexOf(t) >= 0) { score += 6; continue; }
        var found = null, inWord = null;
        for (var j = 0; j < x.passages.length; j++) {
          var n = x.passages[j].norm;
          if (n.indexOf(" " + t) >= 0) { found = j; break; }
          if (inWord === null && n.indexOf(t) >= 0) { inWord = j; }
        }
        if (found === null) { found = inWord; }
        if (found === null) { return; }
        score += (found === inWord) ? 1 : 2;
        if (first === null) { first = { passage: x.passages[found], term: t }; }
      }
      if (x.exact === exact) { score += 100; }
      hits.push({ x: x, score: score, first: first });
    });
    hits.sort(function (a, b) {
      return b.score - a.score || a.x.e.navn.localeCompare(b.x.e.navn, "da");
    });
    return hits;
  }

  window.kommissoriumSoegning = {
    fold: fold, stem: stem, words: words, prepareIndex: prepareIndex, search: search,
    excerpt: excerpt
  };

  var index = window.kommissoriumSoegeindeks;
  if (typeof document === "undefined") { return; }
  var form = document.getElementById("soegeformular");
  var field = document.getElementById("soegefelt");
  var status = document.getElementById("soegestatus");
  var list = document.getElementById("soegeresultater");
  var nojs = document.getElementById("soeg-uden-js");
  if (!form || !field || !status || !list || !Array.isArray(index)) { return; }
  form.hidden = false;
  if (nojs) { nojs.hidden = true; }
  var entries = prepareIndex(index);

  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var q = query.trim();
    if (!q) { status.textContent = ""; return; }
    var hits = search(entries, q);
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
      if (h.first !== null) {
        var p = document.createElement("p");
        p.className = "uddrag";
        var label = h.first.passage.afsnit;
        p.textContent = (label ? label + ": " : "") + excerpt(h.first.passage.tekst, h.first.term);
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
