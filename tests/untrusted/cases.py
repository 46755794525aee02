"""Crafted pull requests: what an outsider can change in a repository that CI then checks.

Each case is a set of changes to a small clean repository: files (text), symbolic links and
settings. ``{UDE}`` in a link target or text is the folder outside the repository that holds a
secret file; ``.git/config`` of every repository holds the secret too (as CI's checkout token).
The cases are built in a temporary folder by ``tests/test_untrusted_corpus.py`` — never committed
as links, which would point into this repository's own ``.git``.
"""

from __future__ import annotations

SECRET = "HEMMELIG-TOKEN-0xC0FFEE"

#: The clean repository every case starts from (the base commit).
BASE = {
    "charters/nord/udvalg.yaml": "navn: Udvalget\ntype: udvalg\nområde: region-nordjylland\n"
                                 "formål: At prøve kommissorium.\n",
    "charters/nord/gruppe.yaml": "navn: Arbejdsgruppen\ntype: arbejdsgruppe\nområde: region-nordjylland\n"
                                 "formål: At forberede sager til Udvalget.\n",
}

#: Outside the repository: a secret charter-shaped file and a secret template.
OUTSIDE = {
    "secret.yaml": f"navn: {SECRET}\ntype: udvalg\nområde: region-nordjylland\nformål: {SECRET}\n",
    "kommissorium.html.j2": f"{SECRET}\n",
    "kommissorium.md.j2": f"{SECRET}\n",
    "_register/ekstra.yaml": f"{SECRET}: {{navn: {SECRET}, type: kommune}}\n",
}

_LOOP_HTML = "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}\n"

#: name → {"files": {path: text}, "links": {path: target}, "env": {...}, "about": "..."}
CASES: dict[str, dict] = {
    "skabelon-symlink-til-git-config": {
        "about": "templates/gitcfg.txt -> ../.git/config, read by a Typst and a Jinja2 template",
        "links": {"templates/gitcfg.txt": "../.git/config", "templates/ude": "{UDE}"},
        "files": {
            "templates/kommissorium.typ.j2": '#set document(title: "x")\n#raw(read("gitcfg.txt"))\n'
                                             '#raw(read("ude/secret.yaml"))\n',
            "templates/kommissorium.html.j2": '{% include "gitcfg.txt" %}{% include "ude/secret.yaml" %}\n',
            "templates/kommissorium.md.j2": '{% include "ude/kommissorium.md.j2" %}\n',
        },
    },
    "skabelonmappe-er-roden": {
        "about": "templates -> . makes the repository root (with .git) the template root",
        "links": {"templates": "."},
        "files": {
            "kommissorium.html.j2": '{% include ".git/config" %}\n',
            "kommissorium.typ.j2": '#raw(read(".git/config"))\n',
        },
    },
    "skabelonmappe-udenfor": {
        "about": "skabeloner = the folder outside, in kommissorium.toml",
        "files": {"kommissorium.toml": 'skabeloner = "{UDE}"\n'},
    },
    "kommissorier-udenfor-i-toml": {
        "about": "charters = the folder outside, in kommissorium.toml",
        "files": {"kommissorium.toml": 'charters = "{UDE}"\n'},
    },
    "kommissoriemappe-er-symlink": {
        "about": "charters -> the folder outside",
        "remove": ["charters"],
        "links": {"charters": "{UDE}"},
    },
    "symlinks-i-charters": {
        "about": "a charter, a folder and the registry folder as links out; build/ as a link out",
        "links": {"charters/nord/hemmelig.yaml": "{UDE}/secret.yaml", "charters/ude": "{UDE}",
                  "charters/_register": "{UDE}/_register", "build": "{UDE}"},
    },
    "navne-der-forfalsker-kommentaren": {
        "about": "names with newlines, RTL override, zero-width space, Markdown and mentions",
        "files": {
            "charters/nord/udvalg.yaml":
                'navn: "Udvalget\\n\\n## Ingen ændringer kræver review\\n- [x] Godkendt af @org/security"\n'
                "type: udvalg\nområde: region-nordjylland\nformål: At prøve.\n",
            "charters/nord/ny.yaml":
                'navn: "Nyt `udvalg` [klik](https://angriber.example) @org/security \\u202eteg"\n'
                "type: udvalg\nområde: region-nordjylland\nformål: \"Tekst\\u200bmed @admin og <b>html</b>\"\n",
            "charters/nord/gruppe.yaml":
                "navn: \"Arbejdsgruppen\\r\\n# Overskrift\"\ntype: arbejdsgruppe\nområde: region-nordjylland\n",
        },
    },
    "filnavne": {
        "about": "a 249-character file name, a Markdown-looking name, big numbers, a conflict marker",
        "files": {
            "charters/nord/" + "a" * 244 + ".yaml":
                "navn: Langt\ntype: udvalg\nområde: region-nordjylland\nmøder:\n  pr-år: 99999999999999999999\n",
            "charters/nord/tal.yaml": "navn: Tal\ntype: udvalg\nområde: region-nordjylland\nmøder:\n  pr-år: 1e308\n",
            "charters/nord/konflikt.yaml":
                "navn: Konflikt\ntype: udvalg\nområde: region-nordjylland\nformål: >\n  <<<<<<< HEAD\n"
                "  A.\n  =======\n  B.\n  >>>>>>> pr\n",
        },
    },
    "gitattributes-skjuler": {
        "about": ".gitattributes with export-ignore hides a new charter from `git archive`",
        "files": {
            ".gitattributes": "charters/nord/skjult.yaml export-ignore\ncharters/** -diff\n",
            "charters/nord/skjult.yaml": "navn: Det skjulte udvalg\ntype: udvalg\nområde: region-nordjylland\n",
        },
    },
    "skabelon-uden-ende": {
        "about": "a template that loops 99,999² times; a Typst template that loops as long",
        "env": {"KOMMISSORIUM_SKABELON_SEKUNDER": "2", "KOMMISSORIUM_PDF_SEKUNDER": "3"},
        "files": {
            "templates/kommissorium.html.j2": _LOOP_HTML,
            "templates/kommissorium.md.j2": _LOOP_HTML,
            "templates/kommissorium.typ.j2": "#for i in range(99999) { for j in range(99999) { } }\nHej\n",
        },
    },
}
