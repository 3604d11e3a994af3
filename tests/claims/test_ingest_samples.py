"""The sample articles in flows/samples ingest cleanly: one article each, with metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.ingest import ingest_sources
from claims.records import article_id_for

SAMPLES = Path(__file__).resolve().parents[2] / "flows" / "samples"
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="flows/samples not present")


def expected_origins() -> list[str]:
    origins: list[str] = []
    for path in sorted(SAMPLES.iterdir()):
        if path.name.startswith(".") or path.name.lower() == "readme.md":
            continue
        if path.suffix == ".jsonl":
            lines = path.read_text(encoding="utf-8").splitlines()
            origins += [f"{path}:{n}" for n, line in enumerate(lines, 1) if line.strip()]
        else:
            origins.append(str(path))
    return origins


def documented_metadata() -> dict[str, set[str]]:
    """File name -> metadata fields the samples README promises for it."""
    readme = SAMPLES / "README.md"
    fields = ("url", "title", "source", "published", "author")
    documented: dict[str, set[str]] = {}
    if readme.is_file():
        for line in readme.read_text(encoding="utf-8").splitlines():
            cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
            if len(cells) >= 4 and (SAMPLES / cells[0]).is_file():
                promised = {f for f in fields if f in cells[-1]}
                if "canonical" in cells[-1]:
                    promised.add("url")
                documented[cells[0]] = promised
    return documented


def test_samples_folder_gives_one_article_per_sample() -> None:
    result = ingest_sources([str(SAMPLES)])
    assert result.rejected == []
    assert result.duplicates == 0
    assert [a.origin for a in result.articles] == expected_origins()
    assert [Path(p).name for p in result.skipped] == ["README.md"]
    documented = documented_metadata()
    for article in result.articles:
        name = Path(article.origin.split(":")[0]).name
        assert article.title, article.origin
        assert article.article_id == article_id_for(article.text, article.url)
        assert not article.text.startswith(article.title), article.origin
        assert len(article.text.split("\n\n")) >= 5, article.origin
        for syntax in ("**", "<p>", "</", "# ", "Subscribe", "All rights reserved", "Cookie"):
            assert syntax not in article.text, (article.origin, syntax)
        promised = documented.get(name, set())
        for field in promised:
            assert getattr(article, field), (article.origin, field)
        if "url" in promised:
            assert article.url.startswith("https://"), article.origin
        if "published" in promised:
            assert article.published.utcoffset().total_seconds() == 0, article.origin
        if not promised - {"title"}:
            assert article.url is None and article.published is None, article.origin


def test_sample_html_metadata() -> None:
    result = ingest_sources([str(SAMPLES / "06-climate-heatwave.html")])
    (article,) = result.articles
    assert article.title == "Heatwave pushes June temperatures to record high"
    assert article.author == "Lena Fischer"
    assert article.source == "The Harbour Courier"
    assert article.url == "https://harbourcourier.example/climate/2025/06/heatwave-june-record"
    assert (
        article.published is not None
        and article.published.isoformat() == "2025-06-27T08:30:00+00:00"
    )
    assert article.text.startswith("Temperatures reached 39.2C in the river valley on Thursday")
    assert article.text.endswith("stop pretending this is normal weather.")
    assert "Related stories" not in article.text and "By Lena Fischer" not in article.text
