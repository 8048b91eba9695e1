#!/usr/bin/python3
"""tests/integration/fhir_render_oracle.py — an independent check of `ssmix fhir render` output:
the bundle read by Python's json module, the page by html.parser. Usage:
  fhir_render_oracle.py BUNDLE.json PAGE.html TEXT.txt
Fails (exit 1, one line per problem) when the page has a <script>, an on* attribute, an href
other than "#...", a src other than a data: image, or when a Composition section title (or,
for a bundle without Composition, nothing) is missing from the page or the text."""
import html.parser
import json
import sys


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.text = [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "form"):
            self.problems.append(f"<{tag}> in the page")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event attribute")
            if name == "href" and not value.startswith("#"):
                self.problems.append(f"<{tag} href={value!r}> leaves the page")
            if name == "src" and not value.startswith("data:image/"):
                self.problems.append(f"<{tag} src={value[:60]!r}> loads something")

    def handle_data(self, data):
        self.text.append(data)


def titles(sections):
    for s in sections:
        if isinstance(s, dict):
            if isinstance(s.get("title"), str):
                yield s["title"]
            yield from titles(s.get("section", []) if isinstance(s.get("section"), list) else [])


def main(bundle_path, page_path, text_path):
    bundle = json.load(open(bundle_path, encoding="utf-8"))
    page = Page()
    page.feed(open(page_path, encoding="utf-8").read())
    page_text = "".join(page.text)
    text = open(text_path, encoding="utf-8").read()
    problems = list(page.problems)
    compositions = [e["resource"] for e in bundle.get("entry", []) if e.get("resource", {}).get("resourceType") == "Composition"]
    wanted = list(titles(compositions[0].get("section", []))) if compositions else []
    if compositions and not wanted:
        problems.append("the Composition has no section titles to look for")
    for title in wanted:
        if title not in page_text:
            problems.append(f"section {title!r} missing from the page")
        if title not in text:
            problems.append(f"section {title!r} missing from the text")
    for p in problems:
        print(f"{page_path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
