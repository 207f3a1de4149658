#!/usr/bin/env python3
"""The layers as docs/architecture.md describes them, checked on the sources (TAP).

Core and render never include GTK; core never includes cairo or pango; SQLite is known to one
file; the store's statement interface is used by core alone; no SQL is written outside core; the
program has no benchmark options.
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
src = os.path.join(root, "src")
files = []
for folder, _, names in os.walk(src):
    for name in names:
        if name.endswith((".c", ".h")):
            files.append(os.path.relpath(os.path.join(folder, name), root))
text = {f: open(os.path.join(root, f), encoding="utf-8").read() for f in files}


def offenders(pattern, where):
    regex = re.compile(pattern, re.M)
    return sorted(f for f in files if where(f) and regex.search(text[f]))


checks = [
    ("core-and-render-never-include-gtk", r'^#include <(gtk|adwaita|gdk)/',
     lambda f: f.startswith(("src/core/", "src/render/"))),
    ("core-never-includes-cairo-or-pango", r'^#include <(cairo|pango)',
     lambda f: f.startswith("src/core/")),
    ("sqlite-known-to-one-file", r'^#include <sqlite3\.h>',
     lambda f: f != "src/core/rifq-engine-sqlite.c"),
    ("statements-used-by-core-alone", r'^#include "rifq-(statement|engine)\.h"',
     lambda f: not f.startswith("src/core/")),
    ("no-sql-outside-core", r'"[^"\n]*\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)',
     lambda f: not f.startswith("src/core/")),
    ("no-benchmark-options-in-the-program", r'"bench-', lambda f: f in ("src/main.c",) or f.startswith("src/ui/")),
]

migrations = os.path.join(src, "core", "migrations-postgres")
for name in sorted(os.listdir(migrations)):
    if name.endswith(".sql"):
        path = os.path.relpath(os.path.join(migrations, name), root)
        files.append(path)
        text[path] = open(os.path.join(root, path), encoding="utf-8").read()
# What the server writes by itself is known to the store's cache of answers (rifq-pg-answers.c
# followers[]): the word tables (keep_name_words), the audit log and its anchor through the view
# audit_append (schema 16). decided_by_committee writes nothing; keep_roles (a constraint
# trigger) writes only the server's own catalogue of roles.
checks.append(("server-schema-changes-only-the-tables-named",
               r'CREATE\s+(OR\s+REPLACE\s+)?(VIEW\s+(?!audit_append )|RULE|MATERIALIZED)|ON\s+UPDATE\s+(CASCADE|SET)'
               r'|CREATE\s+TRIGGER\s+(?!audit_is_append_only_|count_writes |keep_name_words|decided_by_committee '
               r'|append INSTEAD OF INSERT ON audit_append )',
               lambda f: f.endswith(".sql")))

print(f"1..{len(checks)}")
failed = 0
for number, (name, pattern, where) in enumerate(checks, 1):
    found = offenders(pattern, where)
    if found:
        failed += 1
        print(f"not ok {number} /layers/{name}")
        for f in found:
            print(f"# {f}")
    else:
        print(f"ok {number} /layers/{name}")
sys.exit(1 if failed else 0)
