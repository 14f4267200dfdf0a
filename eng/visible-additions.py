"""Counts the lines a 'git diff -U0' (on stdin) adds that a reader of the page would see: every added line but a tag
comment (a line naming 'snippetcheck:') and a line of the file's leading front matter (adopt's page-fixture settings).

    git diff -U0 --no-color | python3 eng/visible-additions.py REPOSITORY
"""
import os
import re
import sys


def front_matter_end(path):
    """The number of the front matter's closing line (1-based), or 0 when the file has none."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    if not lines or lines[0].strip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            return number
    return 0


repository = sys.argv[1]
visible = 0
path, end, line = None, 0, 0
for text in sys.stdin.read().split("\n"):
    if text.startswith("+++ "):
        path = None if text == "+++ /dev/null" else text[6:]
        end = front_matter_end(os.path.join(repository, path)) if path else 0
    elif text.startswith("@@"):
        line = int(re.match(r"@@ -\S+ \+(\d+)", text).group(1))
    elif text.startswith("+"):
        if "snippetcheck:" not in text and line > end:
            visible += 1
        line += 1
print(visible)
