"""How much attributed speech `index.speech` finds in the corpus, how fast, and said.jsonl coverage.

    python bench/speech_coverage.py [--corpus ../shared/eval/corpus]
                                    [--said ../shared/eval/said.jsonl] [--misses]

Loads the corpus with kutip's own `Loader` (the stored text quotes are cut from), runs
`extract_statements` on each article and prints statements per article and time per
article, then times one `--big-mb` MB article (the corpus texts repeated; with
`--big-indosum`, also one of IndoSum-dev's articles joined: 3,451 distinct file names of its 3,463). Then, for each said.jsonl row, whether the row's article holds a statement whose
speaker matches the row's `speaker` and whose span (`text[start:end]`) contains the row's
`answer`. A speaker matches when the row's name words, folded (case, diacritics, hyphen
spacing), all occur in the statement's speaker and role words ("Menlu Retno" matches
"Retno Marsudi" with role "Menlu"), or `index.names.match_speaker` finds the full name
("dr. I Gusti Ngurah Rai" matches "I Gusti Ngurah Rai"). `--misses` lists the rows not covered. Figures only:
nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from index import Article, Loader
from index.names import FULL_NAME, match_speaker
from index.names import name_key as fold
from index.speech import Statement, extract_statements

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"


def load_corpus(corpus: Path) -> dict[str, Article]:
    loader = Loader()
    articles = {}
    for item in loader.load_path(corpus):
        if isinstance(item, Article):
            articles[Path(item.source).name] = item
    loader.close()
    return articles


def speaker_matches(asked: str, statement: Statement) -> bool:
    """All the asked name's words occur among the statement's speaker and role words, or
    the asked name is the speaker's full name to `match_speaker` (titles such as "dr." aside)."""
    have = set(fold(f"{statement.speaker} {statement.role or ''}").split())
    want = set(fold(asked).split())
    if want and want <= have:
        return True
    return match_speaker(asked, statement.speaker, statement.role) >= FULL_NAME


def covered(row: dict, text: str, statements: list[Statement]) -> bool:
    answer = fold(row["answer"])
    return any(speaker_matches(row["speaker"], s) and answer in fold(text[s.start:s.end])
               for s in statements)


def print_counts(found: dict[str, list[Statement]], seconds: list[float]) -> None:
    counts = [len(statements) for statements in found.values()]
    every = [s for statements in found.values() for s in statements]
    print(f"articles {len(counts)}  statements {len(every)}  per article mean "
          f"{len(every) / len(counts):.2f}  median {statistics.median(counts)}  max {max(counts)}"
          f"  with none {sum(1 for c in counts if not c)}")
    print(f"direct {sum(s.speech == 'direct' for s in every)}  reported "
          f"{sum(s.speech == 'reported' for s in every)}  carried {sum(s.carried for s in every)}"
          f"  organisation {sum(s.organisation for s in every)}")
    print(f"time per article mean {1000 * statistics.mean(seconds):.2f} ms  median "
          f"{1000 * statistics.median(seconds):.2f} ms  max {1000 * max(seconds):.2f} ms  "
          f"total {sum(seconds):.2f} s")


def print_big_article(articles: dict[str, Article], size: int, *,
                      what: str = "the corpus repeated") -> None:
    """One article of `size` characters made of the `articles`' texts end to end."""
    corpus = "\n".join(article.text for article in articles.values())
    text = (corpus * (size // len(corpus) + 1))[:size]
    started, cpu = time.perf_counter(), time.process_time()
    count = len(extract_statements(text))
    print(f"one {size / 1e6:.0f} MB article ({what}): "
          f"{time.perf_counter() - started:.2f} s wall, {time.process_time() - cpu:.2f} s CPU "
          f"(CPU time hardly moves with other processes' load), {count} statements")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_EVAL / "corpus")
    parser.add_argument("--said", type=Path, default=DEFAULT_EVAL / "said.jsonl")
    parser.add_argument("--misses", action="store_true", help="list the rows not covered")
    parser.add_argument("--big-mb", type=int, default=5, help="size of the one-article timing")
    parser.add_argument("--big-indosum", type=Path, nargs="?", const=DEFAULT_EVAL / "scale"
                        / "indosum-dev.jsonl", help="also time a --big-mb article of these "
                        "articles joined (default IndoSum-dev): thousands of distinct names, "
                        "where a scan of the article per name shows; the corpus repeated "
                        "holds few")
    args = parser.parse_args()
    articles = load_corpus(args.corpus)
    found: dict[str, list[Statement]] = {}
    seconds: list[float] = []
    for name, article in articles.items():
        started = time.perf_counter()
        found[name] = extract_statements(article.text)
        seconds.append(time.perf_counter() - started)
    print_counts(found, seconds)
    if args.big_mb:
        print_big_article(articles, args.big_mb * 1_000_000)
    if args.big_mb and args.big_indosum:
        print_big_article(load_corpus(args.big_indosum), args.big_mb * 1_000_000,
                          what=f"{args.big_indosum.name} joined")
    rows = [json.loads(line) for line in args.said.read_text().splitlines() if line.strip()]
    hits = 0
    for row in rows:
        article = articles.get(row["article"])
        ok = article is not None and covered(row, article.text, found[row["article"]])
        hits += ok
        if not ok and args.misses:
            print(f"  miss {row['id']}: {row['speaker']!r} / {row['answer']!r}")
    print(f"said.jsonl covered {hits}/{len(rows)} ({hits / len(rows):.2f})")


if __name__ == "__main__":
    main()
