"""`kutip` command line: index, remove, ask, eval, chat, sources, bot.

Each subcommand is a small function that turns parsed arguments into calls on
`Services` and prints the result; errors become one clear line on stderr.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Self

from kutip.errors import ConfigError, KutipError
from kutip.settings import Settings, load_settings

if TYPE_CHECKING:
    from index.indexer import Progress

__all__ = ["main"]

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def _services(settings: Settings, **kwargs: object):
    from kutip.app import build_services

    return build_services(settings, **kwargs)


PLAIN_PROGRESS_EVERY = 50
"""Without a terminal, one progress line per this many articles (and one at the end)."""


class _IndexProgress:
    """The indexer's progress on stderr: tqdm bars on a terminal (log lines are written
    above them, `logging_redirect_tqdm`), else a plain line every `every` articles."""

    def __init__(self, *, tty: bool, every: int = PLAIN_PROGRESS_EVERY) -> None:
        self._tty, self._every = tty, every
        self._bars: dict[str, object] = {}
        self._printed = 0
        self._redirect = contextlib.ExitStack()

    def __enter__(self) -> Self:
        if self._tty:
            from tqdm.contrib.logging import logging_redirect_tqdm

            self._redirect.enter_context(logging_redirect_tqdm())
        return self

    def __exit__(self, *exc: object) -> None:
        for bar in self._bars.values():
            bar.close()  # type: ignore[attr-defined]
        self._redirect.close()

    def __call__(self, progress: Progress) -> None:
        if self._tty:
            self._bar(progress)
        elif progress.phase == "indexing" and progress.done > self._printed and (
                progress.done - self._printed >= self._every or progress.done == progress.total):
            from index.indexer import counted

            self._printed = progress.done
            print(f"indexing: {progress.done}/{counted(progress.total, 'article')}",
                  file=sys.stderr, flush=True)

    def _bar(self, progress: Progress) -> None:
        from tqdm import tqdm

        bar = self._bars.get(progress.phase)
        if bar is None:
            for done in self._bars.values():  # one bar at a time: loading, then indexing
                done.close()  # type: ignore[attr-defined]
            unit = "article" if progress.phase == "indexing" else "input"
            bar = self._bars[progress.phase] = tqdm(
                total=progress.total, desc=progress.phase, unit=unit, file=sys.stderr,
                leave=False, dynamic_ncols=True)
        bar.update(progress.done - bar.n)  # type: ignore[attr-defined]


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    """Index files, folders and URLs, or (`--reembed`) every stored article anew; non-zero
    exit when any input failed."""
    if args.reembed and (args.targets or args.rebuild or args.prune):
        raise ConfigError("--reembed takes no PATH_OR_URL, --rebuild or --prune: it embeds "
                          "the stored articles anew; index new inputs with another run after it")
    if not args.targets and not args.reembed:
        raise ConfigError("kutip index needs at least one PATH_OR_URL (or --reembed)")
    services = _services(settings, workload="index")
    try:
        with services.writing("kutip index"), _IndexProgress(tty=sys.stderr.isatty()) as shown:
            if args.reembed:
                report = services.indexer.reembed(settings.reembed_backup, progress=shown)
            else:
                if settings.reembed_backup.exists():
                    logger.warning("an interrupted `kutip index --reembed` left the stored "
                                   "articles in %s: run it again to finish",
                                   settings.reembed_backup)
                report = services.indexer.run(
                    args.targets, prune=args.prune, rebuild=args.rebuild, progress=shown)
    finally:
        services.close()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        for source, reason in report.failed:
            print(f"failed: {source}: {reason}", file=sys.stderr)
        print(report.summary())
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    """Remove articles by id or source; non-zero exit when any argument matched none or
    several."""
    services = _services(settings, workload="oneoff")
    try:
        with services.writing("kutip remove"):
            report = services.indexer.remove(args.items)
    finally:
        services.close()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        for article_id in report.removed:
            print(f"removed {article_id}")
        for arg in report.not_found:
            print(f"not found: {arg} (no article has this id or source; see kutip sources)",
                  file=sys.stderr)
        for arg, ids in report.ambiguous.items():
            print(f"ambiguous: {arg} is the source of {len(ids)} articles ({', '.join(ids)}); "
                  "remove them by id", file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_FAILED


def _source_of(quote) -> str:
    return ", ".join(p for p in (quote.title, quote.date, quote.url or quote.source) if p)


def _speaker_of(quote) -> str:
    """"Yuri Ushakov, penasihat kebijakan luar negeri Kremlin" (or "" when not speech)."""
    return ", ".join(p for p in (quote.speaker, quote.role) if p) if quote.speaker else ""


def _print_quote(number: int, quote, *, source: bool = True) -> None:
    """One numbered quote; the speaker line under attributed speech, then its article."""
    print(f"{number}. “{quote.text}”")
    if quote.speaker:
        print(f"   — {_speaker_of(quote)}")
    if source:
        print(f"   {_source_of(quote)}")
    print()


def _print_refusal(answer) -> None:
    """Why nothing is quoted: the person said nothing on the topic, is not quoted, or
    nothing is relevant; with their articles and closest statements, or the closest titles."""
    from bot.format import asked_topic
    from bot.messages import t

    if answer.reason == "no_statement_on_topic":
        topic = asked_topic(answer)
        print(t("en", "no_statement", speaker=answer.speaker, topic=topic) if topic
              else t("en", "no_statement_any", speaker=answer.speaker))
        if answer.closest:
            print(t("en", "quoted_in", speaker=answer.speaker))
            for item in answer.closest:
                print(f"  - {item.title} ({item.date or item.source})")
        if answer.other_statements:
            print("\nTheir closest statements, which are NOT about this:\n")
            for n, quote in enumerate(answer.other_statements, start=1):
                _print_quote(n, quote)
        return
    print(t("en", "speaker_not_found", speaker=answer.speaker)
          if answer.reason == "speaker_not_found" else "No indexed article answers this.")
    if answer.closest:
        print("Closest articles:")
        for item in answer.closest:
            print(f"  - {item.title} ({item.source})")


def _print_answer(answer) -> None:
    """Quotes with their speakers (a said answer: the person's first, the rest labelled)."""
    from bot.format import is_by, ordered_quotes
    from bot.messages import t

    if not answer.answered:
        _print_refusal(answer)
        return
    quotes = ordered_quotes(answer.quotes, speaker=answer.speaker)
    labelled = answer.speaker is None
    if not labelled and not any(is_by(q, answer.speaker) for q in quotes):
        print(t("en", "speaker_not_found", speaker=answer.speaker) + "\n")
    for n, quote in enumerate(quotes, start=1):
        if not labelled and not is_by(quote, answer.speaker):
            print(f"Other quotes, not by {answer.speaker}:\n")
            labelled = True
        _print_quote(n, quote)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question with verbatim quotes."""
    services = _services(settings, mode=args.retriever, workload="oneoff")
    answer = services.retriever.search(args.question, k=args.k)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        _print_answer(answer)
    if not answer.quotes:
        _hint_if_empty(services)
    return EXIT_OK


def _hint_if_empty(services) -> None:
    """Nothing found because nothing is indexed: say so, and how to add articles."""
    if services.store.counts()[0] == 0:
        print("kutip: the index is empty; add articles with `kutip index PATH_OR_URL`",
              file=sys.stderr)


def cmd_who(args: argparse.Namespace, settings: Settings) -> int:
    """What a person is quoted as saying across the index: newest first, or on --about.

    With no NAME (`kutip who --about Iran`, or `kutip who "about Iran"` as /who takes it),
    everyone quoted on the topic, one statement each, as "Who commented on Iran?" lists them.
    """
    from bot.who_argument import who_statements, who_topic

    topic = who_topic(args.name) if args.name else None
    if topic is not None and args.about:
        raise ConfigError(f"give the topic once: {args.name!r} or --about {args.about!r}")
    if args.name is None or topic is not None:
        return _who_commented(args, settings, topic or args.about)
    services = _services(settings, workload="oneoff")
    if args.about:
        name, about = args.name, args.about
        found = services.retriever.statements_of(name, about=about, limit=args.limit)
    else:  # "Ushakov about Iran", "Ushakov Iran": split as /who does
        name, about, found = who_statements(services.retriever, args.name, limit=args.limit)
    if args.json:
        print(json.dumps(found.to_dict(), ensure_ascii=False))
    else:
        _print_statements(found, name, about or None)
    if found.speaker is None:
        _hint_if_empty(services)
    return EXIT_OK


def _who_commented(args: argparse.Namespace, settings: Settings, topic: str | None) -> int:
    """`kutip who --about TOPIC`: the people quoted on TOPIC, one statement each."""
    from bot.messages import t

    if not topic:
        raise ConfigError("give a NAME, a topic with --about, or both")
    services = _services(settings, workload="oneoff")
    answer = services.retriever.search(t("en", "who_question", topic=topic), k=args.limit)
    if args.json:
        print(json.dumps({"speaker": None, "role": None, "about": topic,
                          "statements": [q.to_dict() for q in answer.quotes]},
                         ensure_ascii=False))
    elif answer.quotes:
        print(f"Quoted on “{topic}”, one statement each:\n")
        _print_answer(answer)
    else:
        print(f"I found nobody quoted on “{topic}”.")
    if not answer.quotes:
        _hint_if_empty(services)
    return EXIT_OK


def _print_statements(found, asked: str, about: str | None) -> None:
    """`kutip who`: the person, then their statements under their articles' titles."""
    if found.several:
        print(f"“{asked}” fits several people quoted in the articles; ask for one by name:")
        for name in found.several:
            print(f"  - {name}")
        return
    if found.speaker is None:
        print(f"{asked} is not quoted in the indexed articles.")
        return
    who = f"{found.speaker} ({found.role})" if found.role else found.speaker
    order = f"closest to “{about}” first" if about else "newest first"
    count = len(found.statements)
    print(f"{who}: {count} statement{'s' if count != 1 else ''}, {order}\n")
    article = None
    for n, quote in enumerate(found.statements, start=1):
        if quote.article_id != article:
            print(f"{_source_of(quote)}\n")
            article = quote.article_id
        _print_quote(n, quote, source=False)


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    """List what is indexed."""
    from index.indexer import counted

    services = _services(settings, workload="oneoff")
    records = services.store.articles()
    _, chunks = services.store.counts()
    last = max((r.indexed_at for r in records), default=0.0)
    last_iso = datetime.fromtimestamp(last, UTC).isoformat(timespec="seconds") if last else None
    if args.json:
        print(json.dumps({
            "model": services.embedder.model_id,
            "articles": len(records),
            "chunks": chunks,
            "last_update": last_iso,
            "items": [
                {"article_id": r.article_id, "title": r.title, "source": r.source, "url": r.url,
                 "date": r.date, "chunks": r.chunks}
                for r in records
            ],
        }, ensure_ascii=False))
        return EXIT_OK
    print(f"{counted(len(records), 'article')}, {counted(chunks, 'chunk')}, "
          f"model {services.embedder.model_id}, last update {last_iso or 'never'}")
    for r in records:
        print(f"  {r.article_id}  {r.title[:70]}  ({counted(r.chunks, 'chunk')})")
    return EXIT_OK


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """Interactive terminal Q&A over the same pipeline as the bot."""
    services = _services(settings, workload="serve")
    articles, _ = services.store.counts()
    print(f"kutip chat: {articles} articles indexed. Ask a question (empty line or Ctrl-D quits).")
    while True:
        try:
            line = input("? ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return EXIT_OK
        if not line or line in {"quit", "exit", ":q"}:
            return EXIT_OK
        try:
            _print_answer(services.retriever.search(line, k=args.k))
        except KutipError as exc:
            print(f"error: {exc}")


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Index a corpus (cached) and score retrieval and quotes on a question file."""
    from kutip.evaluate import run_eval

    return run_eval(args, settings)


def cmd_bot(args: argparse.Namespace, settings: Settings) -> int:
    """Start the Telegram bot."""
    from kutip.app import run_bot

    run_bot(settings)
    return EXIT_OK


def _given(text: str) -> str:
    """An argument with something in it: an empty or blank one (an unset shell variable,
    `kutip remove "$ID"`) would otherwise name every article with no URL, or the current
    folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kutip", description="Ask questions about news articles; get verbatim quotes."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("index", help="index files, folders and article/feed URLs")
    p.add_argument("targets", nargs="*", metavar="PATH_OR_URL", type=_given)
    p.add_argument("--prune", action="store_true", help="remove articles not seen in this run")
    p.add_argument("--rebuild", action="store_true", help="drop the index and start over")
    p.add_argument("--reembed", action="store_true",
                   help="embed every stored article anew with the configured model (after a "
                        "model change; unlike --rebuild it keeps uploads and URLs)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("remove", help="remove articles by id or source (see kutip sources)")
    p.add_argument("items", nargs="+", metavar="ID_OR_SOURCE", type=_given)
    p.add_argument("--json", action="store_true", help="print what was removed as JSON")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("ask", help="answer a question with quotes")
    p.add_argument("question")
    p.add_argument("--json", action="store_true")
    p.add_argument("-k", type=int, default=None, help="number of quotes (default KUTIP_TOP_K)")
    p.add_argument("--retriever", choices=["hybrid", "dense", "bm25"], default="hybrid")
    p.set_defaults(func=cmd_ask, one_shot=True)

    p = sub.add_parser("who", help="what a person is quoted as saying")
    p.add_argument("name", metavar="NAME", type=_given, nargs="?",
                   help="the person; leave it out (or write \"about TOPIC\") for everyone "
                        "quoted on --about's topic")
    p.add_argument("--about", metavar="TOPIC", type=_given,
                   help="rank their statements by this topic")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=_at_least_one, default=10,
                   help="most statements shown (default 10)")
    p.set_defaults(func=cmd_who, one_shot=True)

    p = sub.add_parser("eval", help="evaluate retrieval and quotes on a question file")
    p.add_argument("questions", metavar="QUESTIONS.jsonl", type=_given)
    p.add_argument("--corpus", required=True, metavar="DIR", type=_given)
    p.add_argument("--json", metavar="OUT", type=_given, help="write the figures as JSON")
    p.add_argument(
        "--retriever", default="hybrid",
        help="comma-separated: hybrid, dense, bm25, minilm (the MiniLM baseline)",
    )
    p.add_argument("--limit", type=_at_least_one, default=None,
                   help="only the first N questions")
    p.add_argument("--unanswerable", metavar="FILE", type=_given,
                   help="questions no article answers (no article/answer): report abstention")
    p.add_argument("--split", choices=["all", "tune", "held"], default="all",
                   help="one half of the questions, split by article (default: all)")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("chat", help="interactive terminal Q&A")
    p.add_argument("-k", type=int, default=None)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("sources", help="what is indexed")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sources, one_shot=True)

    p = sub.add_parser("bot", help="run the Telegram bot")
    p.set_defaults(func=cmd_bot)
    return parser


def _configure_logging(level: str) -> None:
    """The one logging set-up of a kutip process: KUTIP_LOG_LEVEL (default WARNING: quiet
    unless something is wrong; `-v`: DEBUG) to stderr. Libraries that log their own
    chatter speak only for warnings; the handler has the level too, because bm25s sets its
    own logger to DEBUG when it is imported (later than this)."""
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    for handler in logging.getLogger().handlers:
        handler.setLevel(level)
    for noisy in ("httpx", "httpcore", "chromadb", "urllib3", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # trafilatura warns "discarding data: None" for a page with no text, which kutip
    # already reports as a failed input of its own
    logging.getLogger("trafilatura").setLevel(logging.ERROR)


def _without_cyclic_gc() -> None:
    """A process that answers once and exits needs no cyclic garbage collector: its passes
    over the objects of the ~1,300 modules a question imports, during the run and again at
    interpreter exit, took 0.2-0.4 s of a 1.3 s cold `kutip ask` (BENCHMARKS.md). At exit
    the objects are frozen (`gc.freeze`), so the interpreter's final collections skip them
    too; the memory goes back with the process."""
    gc.disable()
    atexit.register(gc.freeze)


def main(argv: Sequence[str] | None = None) -> int:
    """The `kutip` program. Run as the process itself (`argv` None: the console script,
    `python -m kutip.cli`), a one-shot command (ask, who, sources) skips the cyclic GC."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if argv is None and getattr(args, "one_shot", False):
        _without_cyclic_gc()
    try:
        settings = load_settings()
        _configure_logging("DEBUG" if args.verbose else settings.log_level)
        if getattr(args, "k", None) is None and hasattr(args, "k"):
            args.k = settings.top_k
        if getattr(args, "k", 1) is not None and not 1 <= getattr(args, "k", 1) <= 20:
            raise ConfigError("-k must be between 1 and 20")
        return args.func(args, settings)
    except ConfigError as exc:
        print(f"kutip: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KutipError as exc:
        print(f"kutip: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("kutip: interrupted (what was indexed so far is kept; run it again to go on)",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader (`| head`) left: no traceback, and none again when Python flushes
        # stdout at exit (the `signal` module's advice for SIGPIPE)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
