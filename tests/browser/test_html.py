"""Every public page is valid HTML by the Nu HTML Checker (npm vnu-jar, run on Java)."""

import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

from .pages import ERROR_PAGES, PUBLIC_PAGES, QUESTION_PAGES, TRANSLATED_PAGES

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode()
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        return error.read().decode()


def test_every_page_is_valid_html(site, tmp_path):
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java"
    files = []
    for n, url in enumerate(PUBLIC_PAGES + QUESTION_PAGES + ERROR_PAGES + TRANSLATED_PAGES):
        file = tmp_path / f"page-{n:02d}.html"
        file.write_text(fetch(site + url), encoding="utf-8")
        files.append((url, file))
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *(str(f) for _, f in files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    by_file = {str(f): url for url, f in files}
    problems = [
        f"{by_file.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "warning"
    ]
    assert problems == [], "\n".join(problems)
