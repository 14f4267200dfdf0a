#!/usr/bin/env python3
"""The C# standard's annotated examples (dotnet/csharpstandard, standard/*.md) as SnippetCheck tags, to measure how
often `verify` agrees with the standard's own tester (tools/ExampleTester).

  eng/csharpstandard-examples.py convert STANDARD_REPO OUT_DIR   # OUT_DIR/<chapter>.md + OUT_DIR/manifest.json
  snippetcheck verify OUT_DIR --no-cache --report json=OUT_DIR/report.json
  eng/csharpstandard-examples.py compare OUT_DIR                 # N of M agree, with expectedErrors and overall

Each example's code is written as the extractor (tools/ExampleExtractor) compiles it: `...` replaced when
`replaceEllipsis` says so, `«»` removed, `// File NAME` parts and `additionalFiles` as hidden preludes of a session of
its own. Templates map to the closest shape: code-in-main to a lone snippet (top-level statements), standalone-* to the
file as written, code-in-class-lib and code-in-partial-class to `members` (whose class is `Program`, the template's
`Class1`: an additional file's `partial class Class1` is renamed so); the template's usings to `usings=`, its project's
C# version (net6.0: C# 10) to `langversion=10`, AllowUnsafeBlocks to `unsafe`. `expectedErrors` and `expectedWarnings`
become `compile-fail=` with each ID as often as listed; an example without errors is `run` with an output block
(console templates), else `compile`. extern-lib (project references with aliases) has no shape here and is counted apart.
An example agrees when its block passes (issue 75, item 8: 95 of the 100 with expectedErrors at 2be6531).
"""
import json
import pathlib
import re
import sys

USINGS = ("System,System.Collections.Generic,System.Collections,System.Diagnostics,System.IO,System.Linq.Expressions,"
          "System.Reflection,System.Runtime.CompilerServices,System.Runtime.InteropServices,System.Security.Permissions,"
          "System.Text,System.Threading")
PREFIX = "<!-- Example: "


def code_of(meta, code):
    """The code as the extractor hands it to the template (Example's constructor)."""
    if meta.get("replaceEllipsis"):
        replacements, start = list(meta.get("customEllipsisReplacements") or []), 0
        while (at := code.find("...", start)) >= 0:
            replacement = (replacements.pop(0) if replacements else None) or "/* ... */"
            code = code[:at] + replacement + code[at + 3:]
            start = at + len(replacement)
    return code.replace("«", "").replace("»", "")


def split_files(code):
    """The code before the first `// File NAME` line, and the files after it (Template.ExtractExtraFiles)."""
    parts, current, name = [], [], None
    for line in code.split("\n") + ["// File IgnoreMe"]:
        if line.startswith("// File "):
            parts.append((name, "\n".join(current)))
            current, name = [], line[len("// File "):].rstrip(":")
        else:
            current.append(line)
    return parts[0][1], [p for p in parts[1:] if p[0] != "IgnoreMe"]


def examples(markdown):
    lines = markdown.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if PREFIX not in line:
            i += 1
            continue
        meta = to_json(line[line.index(PREFIX) + len(PREFIX):line.rindex(" -->")])
        prefix = line[:line.index(PREFIX)]
        opening = next(j for j in range(i, len(lines)) if lines[j].endswith("```csharp"))
        closing = next(j for j in range(opening + 1, len(lines)) if lines[j].endswith("```"))
        trimmed = prefix.strip()

        def strip(l):
            for p in (prefix, trimmed, "  " + trimmed):
                if l.startswith(p):
                    return l[len(p):]
            raise ValueError(f"{markdown}:{opening + 1}: a line without the common prefix")
        meta["code"] = "\n".join(strip(l) for l in lines[opening + 1:closing])
        meta["markdownLine"] = opening + 1
        if meta.get("inferOutput"):
            console = next(j for j in range(closing + 1, len(lines)) if lines[j].endswith("```console"))
            end = next(j for j in range(console + 1, len(lines)) if lines[j].endswith("```"))
            meta["expectedOutput"] = [strip(l) for l in lines[console + 1:end]]
        yield meta
        i = closing + 1


def to_json(text):
    """The annotation's relaxed JSON (unquoted keys) as Newtonsoft reads it."""
    return json.loads(re.sub(r'([{,]\s*)([A-Za-z_]\w*)\s*:', r'\1"\2":', text))


def block(meta, templates):
    """The Markdown of one example, and its manifest entry."""
    name, template = meta["name"], meta["template"]
    entry = {"name": name, "template": template, "expectedErrors": meta.get("expectedErrors"),
             "expectedWarnings": meta.get("expectedWarnings"), "source": meta["source"]}
    if template == "extern-lib":
        entry["noShape"] = "extern-lib: project references with extern aliases"
        return "", entry
    code, files = split_files(code_of(meta, meta["code"]))
    if not code.strip() and files:
        # All in `// File` parts: the first is the block, the others hidden beside it.
        code, files = files[0][1], files[1:]
    members = template.startswith(("code-in-class-lib", "code-in-partial-class"))
    extra = [(f, (templates / "additional-files" / f).read_text(encoding="utf-8-sig")) for f in meta.get("additionalFiles") or []]
    if members:
        # The template's class is Class1; the class `members` code goes into is Program.
        extra = [(f, re.sub(r"\bpartial class Class1\b", "partial class Program", content)) for f, content in extra]
    words = []
    errors = meta.get("expectedErrors")
    console = template.startswith(("standalone-console", "code-in-main"))
    if errors:
        # As the tester compares them: each ID as often as it is listed; its expectedWarnings too (a listed ID may be a warning).
        words.append("compile-fail=" + ",".join(errors + (meta.get("expectedWarnings") or [])))
    elif meta.get("expectedException"):
        words.append("throws=" + meta["expectedException"])
    else:
        words.append("run" if console else "compile")
    if members:
        words.append("members")
    if not template.endswith("-without-using"):
        words.append("usings=" + USINGS)
    words += ["langversion=10", "unsafe", "nullable=disable", f"name={re.sub(r'[^A-Za-z0-9_-]', '_', name)}"]
    if meta.get("executionArgs"):
        words.append('args="' + " ".join(meta["executionArgs"]) + '"')
    text = ""
    if files or extra:
        words.append(f"session={re.sub(r'[^A-Za-z0-9_-]', '_', name)}")
        for _, content in files + extra:
            text += f"<!-- snippetcheck: prelude session={re.sub(r'[^A-Za-z0-9_-]', '_', name)}\n{content}\n-->\n\n"
    text += f"<!-- snippetcheck: {' '.join(words)} -->\n```csharp\n{code}\n```\n\n"
    output = meta.get("expectedOutput")
    if not errors and console and not meta.get("ignoreOutput") and not meta.get("expectedException"):
        text += "```output\n" + "\n".join(output or []) + "\n```\n\n"
    return text, entry


def convert(repo, out):
    repo, out = pathlib.Path(repo), pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for markdown in sorted((repo / "standard").glob("*.md")):
        page = ""
        for meta in examples(markdown):
            meta["source"] = f"{markdown.name}:{meta['markdownLine']}"
            text, entry = block(meta, repo / "tools" / "example-templates")
            if text:
                entry["line"] = page.count("\n") + page_line(text)
                entry["file"] = markdown.name
            page += text
            manifest.append(entry)
        if page:
            (out / markdown.name).write_text(page, encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    print(f"{len(manifest)} annotated examples, {sum('noShape' in e for e in manifest)} without a shape here; written to {out}")


def page_line(text):
    """The 1-based line, within this example's text, of its C# fence."""
    return text.split("\n").index("```csharp") + 1


def compare(out):
    out = pathlib.Path(out)
    manifest = json.loads((out / "manifest.json").read_text())
    report = json.loads((out / "report.json").read_text())
    verdicts = {}
    for result in report.get("snippets", report.get("results", [])):
        verdicts[(pathlib.Path(result["file"]).name, result["line"])] = result
    rows = {"with expectedErrors": [0, 0], "overall": [0, 0]}
    for entry in manifest:
        groups = ["overall"] + (["with expectedErrors"] if entry["expectedErrors"] else [])
        result = verdicts.get((entry.get("file"), entry.get("line")))
        agrees = result is not None and result.get("status") == "passed"
        for g in groups:
            rows[g][1] += 1
            rows[g][0] += agrees
        if not agrees:
            why = entry.get("noShape") or (result and (result.get("message") or result.get("status"))) or "not in the report"
            print(f"disagrees: {entry['source']} {entry['name']} [{entry['template']}] expects {entry['expectedErrors']}: "
                  f"{str(why).splitlines()[0] if why else ''}")
    for g, (agree, total) in rows.items():
        print(f"{g}: {agree} of {total} annotated examples agree with their tester")


if __name__ == "__main__":
    {"convert": lambda: convert(sys.argv[2], sys.argv[3]), "compare": lambda: compare(sys.argv[2])}[sys.argv[1]]()
