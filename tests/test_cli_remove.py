"""`kutip remove ID_OR_SOURCE... [--json]` as a user runs it (#13.2)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.auxil.seed import FIXTURES, SEED, SEED_QUESTION, SEED_QUOTE
from tests.test_cli import kutip


def _indexed(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    result = kutip("index", str(SEED.parent), str(FIXTURES / "articles"), data=data)
    assert result.returncode == 0, result.stderr
    return data


def _sources(data: Path) -> dict[str, dict]:
    listed = json.loads(kutip("sources", "--json", data=data).stdout)
    return {item["article_id"]: item for item in listed["items"]}


def test_remove_by_id_and_by_source_json_and_plain(tmp_path: Path) -> None:
    data = _indexed(tmp_path)
    before = _sources(data)
    by_url = next(i for i in before.values() if i["url"] and i["url"] != i["article_id"])
    result = kutip("remove", SEED.name, by_url["url"], "nope.txt", "--json", data=data)
    assert result.returncode == 1, "one argument matched nothing"
    report = json.loads(result.stdout)
    assert report == {"removed": [SEED.name, by_url["article_id"]], "not_found": ["nope.txt"],
                      "ambiguous": []}
    after = _sources(data)
    assert set(before) - set(after) == {SEED.name, by_url["article_id"]}
    listed = json.loads(kutip("sources", "--json", data=data).stdout)
    assert listed["chunks"] == sum(i["chunks"] for i in after.values()), "no chunk left behind"
    answer = json.loads(kutip("ask", SEED_QUESTION, "--json", data=data).stdout)
    assert all(q["text"] != SEED_QUOTE for q in answer["quotes"])

    ok = kutip("remove", "harga-beras.txt", data=data)
    assert ok.returncode == 0 and ok.stdout.strip() == "removed harga-beras.txt"
    again = kutip("remove", "harga-beras.txt", data=data)
    assert again.returncode == 1 and again.stdout == ""
    assert "not found: harga-beras.txt" in again.stderr
    assert len(_sources(data)) == len(before) - 3


def test_a_source_two_articles_share_is_ambiguous(tmp_path: Path) -> None:
    """Two files' records with one URL: removing by it would be a guess, so it removes none."""
    url = "https://example.com/berita/beras"
    text = (FIXTURES / "articles" / "harga-beras.txt").read_text()
    for name, rid in (("one.jsonl", "1"), ("two.jsonl", "2")):
        (tmp_path / name).write_text(json.dumps({"id": rid, "url": url, "text": text}) + "\n")
    data = tmp_path / "data"
    assert kutip("index", str(tmp_path / "one.jsonl"), str(tmp_path / "two.jsonl"),
                 data=data).returncode == 0
    result = kutip("remove", "--json", url, data=data)
    assert result.returncode == 1
    assert json.loads(result.stdout) == {"removed": [], "not_found": [],
                                         "ambiguous": [{"arg": url, "ids": ["2", "1"]}]}
    plain = kutip("remove", url, data=data)
    assert "ambiguous" in plain.stderr and "remove them by id" in plain.stderr
    assert sorted(_sources(data)) == ["1", "2"]
    assert kutip("remove", "1", "2", data=data).returncode == 0 and _sources(data) == {}


def test_a_blank_argument_removes_nothing(tmp_path: Path) -> None:
    """`kutip remove "$ID"` with ID unset: a usage error, not every article without a URL."""
    data = _indexed(tmp_path)
    before = _sources(data)
    for blank in ("", "   "):
        result = kutip("remove", blank, data=data)
        assert result.returncode == 2 and "must not be empty" in result.stderr
    assert _sources(data) == before
