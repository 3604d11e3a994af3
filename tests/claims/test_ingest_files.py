"""Ingesting local files and folders: txt, md, html, json, jsonl and every kind of bad file."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claims.ingest import IngestResult, ingest_sources, iter_sources
from claims.records import Article, Rejected, article_id_for

BODY = (
    "The finance minister said on Tuesday that unemployment fell to 4.2 percent last year, "
    "the lowest level since 2008.\n\n"
    "Opposition leaders disputed the figure, saying the rate had risen in three of the last "
    "four quarters.\n\n"
    '"We have created 300,000 jobs since January," the minister told parliament.'
)

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Jobless rate at 15-year low, minister says | The Example Times</title>
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
  <meta property="og:site_name" content="The Example Times">
  <link rel="canonical" href="https://example.com/economy/jobless-rate">
</head>
<body>
  <header><a class="logo" href="/">The Example Times</a>
    <nav><ul>
      <li><a href="/news">News</a></li><li><a href="/economy">Economy</a></li>
      <li><a href="/subscribe">Subscribe for one euro a week and read without limits</a></li>
    </ul></nav>
  </header>
  <div class="cookie-banner">We use cookies to improve your experience on our website. Accept all cookies.</div>
  <main>
    <article>
      <h1>Jobless rate at 15-year low, minister says</h1>
      <p>The finance minister said on Tuesday that unemployment fell to 4.2 percent last year, the lowest level since 2008.</p>
      <p>Opposition leaders disputed the figure, saying the rate had risen in three of the last four quarters.</p>
      <p>"We have created 300,000 jobs since January," the minister told parliament.</p>
      <p>The statistics office will publish its quarterly labour survey next month, officials said.</p>
    </article>
    <aside class="related"><h2>Related stories</h2><ul>
      <li><a href="/a">Drought map: see where the water is running out this summer</a></li>
    </ul></aside>
  </main>
  <footer>
    <p>&copy; 2024 The Example Times. All rights reserved. Registered in England and Wales.</p>
    <p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a></p>
  </footer>
</body>
</html>
"""

BOILERPLATE = ("Subscribe", "cookies", "Related stories", "Drought map", "All rights reserved",
               "Privacy policy", "The Example Times")  # fmt: skip


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def one_article(path: Path) -> Article:
    items = list(iter_sources([str(path)]))
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def one_rejected(source: str) -> Rejected:
    items = list(iter_sources([source]))
    assert len(items) == 1, items
    assert isinstance(items[0], Rejected), items[0]
    assert items[0].source == source
    assert "\n" not in items[0].reason
    return items[0]


# --- plain text -------------------------------------------------------------------------------


def test_txt_first_line_is_title_when_followed_by_blank_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Jobless rate at 15-year low\n\n" + BODY + "\n")
    article = one_article(path)
    assert article.title == "Jobless rate at 15-year low"
    assert article.text == BODY
    assert article.origin == str(path)
    assert article.url is None and article.published is None
    assert article.article_id == article_id_for(BODY, None)


@pytest.mark.parametrize(
    "content",
    [
        "The minister said unemployment fell last year.\n\nMore text follows here.",  # ends with '.'
        "Jobless rate at 15-year low\nThe minister said so.",  # no blank line
        "Just one line without a title",
    ],
)
def test_txt_without_title(tmp_path: Path, content: str) -> None:
    article = one_article(write(tmp_path / "b.txt", content))
    assert article.title is None
    assert article.text == content


# --- markdown ---------------------------------------------------------------------------------

MARKDOWN = """---
author: Jane Doe
date: 2024-03-05T09:30:00+01:00
url: https://example.com/economy/jobless-rate
source: The Example Times
---
# Jobless rate at *15-year* low

The **finance minister** said on Tuesday that [unemployment](https://stats.example/u)
fell to 4.2 percent last year, the `lowest` level since 2008.

![A chart of the jobless rate](chart.png)

- Youth unemployment fell to 9.8 percent.
- Long-term unemployment was flat, keeping snake_case_words intact.

> "We have created 300,000 jobs since January," the minister told parliament.

Background
----------

```
code block kept as text
```

| Year | Rate |
|------|------|
| 2023 | 4.2% |
"""


def test_markdown_is_stripped_to_plain_text(tmp_path: Path) -> None:
    article = one_article(write(tmp_path / "m.md", MARKDOWN))
    assert article.title == "Jobless rate at 15-year low"
    assert article.author == "Jane Doe"
    assert article.source == "The Example Times"
    assert article.url == "https://example.com/economy/jobless-rate"
    assert article.published == datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == (
        "The finance minister said on Tuesday that unemployment fell to 4.2 percent last year, "
        "the lowest level since 2008."
    )
    assert paragraphs[1] == (
        "Youth unemployment fell to 9.8 percent.\n"
        "Long-term unemployment was flat, keeping snake_case_words intact."
    )
    assert (
        paragraphs[2]
        == '"We have created 300,000 jobs since January," the minister told parliament.'
    )
    assert "Background" in paragraphs
    assert "code block kept as text" in paragraphs
    assert "Year | Rate\n2023 | 4.2%" in article.text
    for syntax in ("#", "**", "](", "![", "```", "> ", "|---", "chart.png", "---"):
        assert syntax not in article.text, syntax


def test_markdown_setext_title_without_front_matter(tmp_path: Path) -> None:
    article = one_article(
        write(tmp_path / "s.md", "Jobless rate falls\n==================\n\n" + BODY)
    )
    assert article.title == "Jobless rate falls"
    assert article.author is None
    assert article.text == BODY


# --- HTML -------------------------------------------------------------------------------------


def test_html_main_text_without_boilerplate_and_metadata(tmp_path: Path) -> None:
    article = one_article(write(tmp_path / "page.html", PAGE))
    assert article.title == "Jobless rate at 15-year low, minister says"
    assert article.author == "Jane Doe"
    assert article.source == "The Example Times"
    assert article.url == "https://example.com/economy/jobless-rate"
    assert article.language == "en"
    assert article.published == datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
    assert article.text.startswith(BODY)
    assert article.text.endswith("labour survey next month, officials said.")
    for junk in BOILERPLATE:
        assert junk not in article.text, junk
    assert article.article_id == article_id_for(
        article.text, "https://example.com/economy/jobless-rate"
    )


def test_htm_in_declared_legacy_charset(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("300,000 jobs", "300,000 jobs \u2013 a record \u2013")
    path = write(tmp_path / "legacy.htm", page.encode("cp1252"))
    article = one_article(path)
    assert "300,000 jobs \u2013 a record \u2013" in article.text


# --- JSON / JSONL -----------------------------------------------------------------------------

RECORD = {
    "url": "https://example.com/economy/jobless-rate",
    "title": "Jobless rate at 15-year low",
    "source": "The Example Times",
    "published": "2024-03-05T09:30:00Z",
    "author": "Jane Doe",
    "text": BODY,
}


def test_json_object(tmp_path: Path) -> None:
    article = one_article(write(tmp_path / "one.json", json.dumps(RECORD)))
    assert (article.url, article.title, article.source, article.author) == (
        RECORD["url"], RECORD["title"], RECORD["source"], RECORD["author"],
    )  # fmt: skip
    assert article.published == datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
    assert article.published.tzinfo is not None
    assert article.text == BODY
    assert article.article_id == article_id_for(BODY, RECORD["url"])


def test_json_list_with_body_content_and_html_items(tmp_path: Path) -> None:
    records = [
        {"title": "A", "body": "First article body with enough words.", "published": "not a date"},
        {"content": "Second article content.", "published": "2024-03-05"},
        {"html": PAGE, "title": "Title from JSON wins", "url": "https://example.com/j"},
        {"title": "No text at all"},
        "not an object",
    ]
    path = write(tmp_path / "many.json", json.dumps(records))
    items = list(iter_sources([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article"] * 3 + ["Rejected"] * 2
    first, second, third, missing, wrong = items
    assert first.text == "First article body with enough words." and first.published is None
    assert first.origin == f"{path}#0"
    assert second.published == datetime(2024, 3, 5, tzinfo=UTC)
    assert third.title == "Title from JSON wins"
    assert third.url == "https://example.com/j"
    assert third.author == "Jane Doe"  # from the HTML, JSON has none
    assert third.text.startswith(BODY)
    assert "All rights reserved" not in third.text
    assert missing.source == f"{path}#3" and "missing text" in missing.reason
    assert wrong.source == f"{path}#4" and "JSON object" in wrong.reason


def test_jsonl_broken_line_is_rejected_and_others_load(tmp_path: Path) -> None:
    lines = [
        json.dumps(RECORD),
        '{"title": "broken", "text": "unterminated',
        "",
        json.dumps({**RECORD, "text": "Another article.", "url": "https://example.com/2"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = ingest_sources([str(path)])
    assert [a.origin for a in result.articles] == [f"{path}:1", f"{path}:4"]
    assert len(result.rejected) == 1
    assert result.rejected[0].source == f"{path}:2"
    assert result.rejected[0].reason.startswith("invalid JSON at column ")


# --- folders, duplicates ------------------------------------------------------------------------


def test_folder_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "b.txt", "Second file body.")
    write(root / "a.md", "# A\n\nFirst file body.")
    write(root / "sub" / "c.json", json.dumps({"text": "Third file body."}))
    write(root / ".hidden.txt", "Hidden body.")
    write(root / ".git" / "x.txt", "Hidden folder body.")
    write(root / "notes.pdf", b"%PDF-1.4")
    write(root / "README.md", "# About this folder\n\nNot an article.")
    result = ingest_sources([str(root)])
    assert [a.text for a in result.articles] == [
        "First file body.",
        "Second file body.",
        "Third file body.",
    ]
    assert result.rejected == []
    assert sorted(Path(p).name for p in result.skipped) == ["README.md", "notes.pdf"]


def test_same_article_twice_in_one_batch_collapses(tmp_path: Path) -> None:
    a = write(tmp_path / "x" / "one.json", json.dumps(RECORD))
    b = write(tmp_path / "y" / "two.jsonl", json.dumps(RECORD) + "\n")
    c = write(tmp_path / "y" / "three.txt", BODY)  # same text, no URL: a different article
    result = ingest_sources([str(a), str(b), str(c), str(a)])
    assert isinstance(result, IngestResult)
    assert result.duplicates == 2
    assert [x.origin for x in result.articles] == [str(a), str(c)]
    assert result.articles[0].article_id == article_id_for(BODY, RECORD["url"])
    assert result.articles[1].article_id == article_id_for(BODY, None)


def test_ids_ignore_line_ending_and_trailing_space_differences(tmp_path: Path) -> None:
    a = write(tmp_path / "unix.txt", BODY + "\n")
    b = write(tmp_path / "dos.txt", (BODY.replace("\n", "  \r\n") + "\r\n").encode())
    result = ingest_sources([str(a), str(b)])
    assert len(result.articles) == 1 and result.duplicates == 1


# --- bad input: exactly one Rejected each, the batch goes on -----------------------------------

BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file"),
    "blank.md": (b"  \n\t\n   \n", "only whitespace"),
    "binary.txt": (b"GIF89a\x00\x01\x02 rest", "binary file (NUL byte at offset 6)"),
    "latin1.txt": ("Caf\u00e9 prices rose.".encode("latin-1"), "invalid UTF-8 at byte offset 3"),
    "missing-text.json": (b'{"title": "No body", "url": "https://example.com/x"}', "missing text"),
    "blank-text.json": (b'{"title": "No body", "text": "   "}', "empty text"),
    "broken.json": (b'{"title": "x",', "invalid JSON"),
    "empty-list.json": (b"[]", "empty JSON list"),
    "nav-only.html": (
        b"<html><head><title>Example</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        b"<li><a href='/news'>News</a></li></ul></nav><footer>Contact us</footer></body></html>",
        "no extractable main text",
    ),
    "script-only.html": (
        b"<html><body><div id='app'></div><script>render()</script></body></html>",
        "no extractable main text",
    ),
    "bad-feed.xml": (
        b"<rss version='2.0'><channel><title>x</title><item><title>",
        "malformed feed",
    ),
    "not-a-feed.xml": (b"<?xml version='1.0'?><urlset><url>x</url></urlset>", "not an RSS or Atom"),
    "empty-feed.rss": (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Empty</title></channel></rss>",
        "feed has no entries",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gives_exactly_one_rejected(tmp_path: Path, name: str) -> None:
    content, expected = BAD_FILES[name]
    path = write(tmp_path / name, content)
    rejected = one_rejected(str(path))
    assert expected in rejected.reason, rejected.reason


def test_bad_sources_do_not_stop_the_batch(tmp_path: Path) -> None:
    for name, (content, _) in BAD_FILES.items():
        write(tmp_path / "bad" / name, content)
    good = write(tmp_path / "good.txt", BODY)
    missing = str(tmp_path / "nope.txt")
    unknown = write(tmp_path / "scan.pdf", b"%PDF-1.4")
    result = ingest_sources(
        [str(tmp_path / "bad"), missing, str(unknown), "ftp://example.com/a", str(good)]
    )
    assert [a.origin for a in result.articles] == [str(good)]
    sources = [r.source for r in result.rejected]
    assert sources == [str(tmp_path / "bad" / n) for n in sorted(BAD_FILES)] + [
        missing, str(unknown), "ftp://example.com/a",
    ]  # fmt: skip
    reasons = {r.source: r.reason for r in result.rejected}
    assert reasons[missing] == "no such file or directory"
    assert "unsupported file type '.pdf'" in reasons[str(unknown)]
    assert "unsupported URL scheme 'ftp'" in reasons["ftp://example.com/a"]


def test_empty_folder_is_rejected(tmp_path: Path) -> None:
    write(tmp_path / "only" / "image.png", b"\x89PNG")
    rejected = one_rejected(str(tmp_path / "only"))
    assert "no supported files" in rejected.reason


def test_file_url_is_a_path(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", BODY)
    items = list(iter_sources([path.as_uri()]))
    assert len(items) == 1 and isinstance(items[0], Article) and items[0].text == BODY


def test_feed_file_in_declared_latin1(tmp_path: Path) -> None:
    text = "Caf\u00e9 owners said prices rose by 12 percent. " * 12
    feed = (
        "<?xml version='1.0' encoding='ISO-8859-1'?><rss version='2.0'><channel>"
        "<title>Caf\u00e9 News</title><item><title>Prices</title>"
        f"<link>https://example.com/cafe</link><description>{text}</description>"
        "</item></channel></rss>"
    )
    article = one_article(write(tmp_path / "latin.rss", feed.encode("latin-1")))
    assert article.source == "Caf\u00e9 News"
    assert article.text == text.strip()
    assert article.origin == f"{tmp_path / 'latin.rss'}#0"


def test_json_html_item_without_main_text_is_rejected(tmp_path: Path) -> None:
    nav = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    path = write(tmp_path / "h.json", json.dumps([{"html": nav}, {"text": "Fine article."}]))
    items = list(iter_sources([str(path)]))
    assert isinstance(items[0], Rejected) and items[0].source == f"{path}#0"
    assert "no extractable main text" in items[0].reason
    assert isinstance(items[1], Article)


def test_explicit_paths_keep_their_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "e.txt", b"")
    result = ingest_sources(["./a.txt", "./e.txt", "./missing.txt"])
    assert [a.origin for a in result.articles] == ["./a.txt"]
    assert [r.source for r in result.rejected] == ["./e.txt", "./missing.txt"]
