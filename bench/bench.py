#!/usr/bin/env python3
"""Benchmark: `auditor check` beside `proselint check` on the same files.

    python bench/bench.py [-n 10000] [--jobs 0] [--no-peer] [--no-scaling] [--out bench/out]
    python bench/bench.py --only one           # one article: cold, warm cache, proselint
    python bench/bench.py --only repeated      # just the repeated-text case
    python bench/bench.py --only archive       # --engine dask on 100,000 articles against 10,000

(a) builds a deterministic synthetic corpus of N articles from the seed articles (paragraphs of one
story recombined, names varied), and 2N for the scaling check; (b) reports wall time and peak memory
(proportional set size, summed over the process tree; peak resident size for one file) for one file
(cold, and re-run with a warm cache) and for N files, for both tools in the same run, and the time
ratio of 2N to N articles. Every auditor run but the warm one uses --no-cache. Targets (issue 15):
one article <= 0.8 x proselint's wall time and <= 40 MB; a warm re-run <= 0.5 x proselint's;
10,000 articles <= 30 s on 2 cores, <= 600 MB; T(2N) <= 2.1 x T(N); archive mode: the Dask
driver's peak memory at 100,000 articles no more than at 10,000, and the same report as the local
engine's on the 100,000 (its time beside Dask's).

(c) Repeated text: one file of 1 MB made of one article pasted 100 times, beside one file of 1 MB
of varied prose (seed sentences recombined into new paragraphs, names varied), both built from the
seed articles; the time of `auditor check` on each and their ratio. Target: no input makes a run
pathologically slow, T(repeated) <= 2 x T(varied) (it was 23 x, 95 s against 4 s, while BP302
rescanned the file for every pasted paragraph).
"""
from __future__ import annotations

import argparse
import filecmp
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# Seeds 000-002 tell one story, 003-004 another: recombine paragraphs within a story only.
STORIES = [["000", "001", "002"], ["003", "004"]]
GIVEN = ["Aiko", "Daichi", "Emi", "Haruto", "Kenji", "Mariko", "Ren", "Sora", "Takumi", "Yui",
         "Olena", "Mykola", "Iryna", "Taras", "Oksana", "Pavlo", "Li", "Wei", "Mei", "Jun"]
FAMILY = ["Aoki", "Fujita", "Hayashi", "Inoue", "Kondo", "Mori", "Nakamura", "Ogawa", "Sato", "Ueda",
          "Bondarenko", "Kovalenko", "Melnyk", "Shevchenko", "Tkachenko", "Chen", "Huang", "Lin", "Wang", "Zhou"]
NAME_SLOTS = ["Fumio Kishida", "Hirokazu Matsuno", "Yoshimasa Hayashi", "Shigeru Isiba", "Vladimir Putin"]


def seed_paragraphs() -> dict[str, list[str]]:
    paras = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paras[path.name[:3]] = [p.strip() for p in text.split("\n") if p.strip()]
    return paras


def make_article(i: int, paras: dict[str, list[str]]) -> str:
    rng = random.Random(i)
    story = STORIES[i % len(STORIES)]
    pool = [p for key in story for p in paras[key]]
    head = rng.choice(pool[:3] if len(pool) > 3 else pool)
    body = rng.sample(pool, k=min(len(pool), rng.randint(8, 14)))
    text = "\n\n".join([head] + body) + "\n"
    # Names varied: each article gives the story's people names drawn from a large pool, and a
    # few articles misspell one (the kind of variant the names checks look for).
    for slot in NAME_SLOTS:
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        if rng.random() < 0.05:
            name = name[:-2] + name[-1] + name[-2]  # swap two letters
        text = text.replace(slot, name)
    return text


def build_corpus(n: int, out: Path) -> Path:
    folder = out / f"corpus-{n}"
    marker = folder / ".complete"
    if marker.exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    paras = seed_paragraphs()
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article-{i:06d}.txt").write_text(make_article(i, paras), encoding="utf-8")
    marker.write_text("ok\n")
    return folder


ONE_MB = 1_000_000
COPIES = 100
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")


def repeated_text(paras: dict[str, list[str]], size: int = ONE_MB, copies: int = COPIES) -> str:
    """One article of about size/copies characters (the seeds' paragraphs in order), pasted
    `copies` times: what a scraper that loops over one page leaves."""
    article, length = [], 0
    for p in (p for key in sorted(paras) for p in paras[key]):
        article.append(p)
        length += len(p) + 2
        if length >= size // copies:
            break
    return ("\n\n".join(article) + "\n\n") * copies


def varied_text(paras: dict[str, list[str]], size: int = ONE_MB) -> str:
    """About `size` characters of varied prose from the seeds: under one headline, runs of
    paragraphs (a run a story, its people given names from the pool) made of 2 to 4 seed
    sentences of that story drawn anew, no paragraph twice."""
    rng = random.Random(20261127)
    pools = []
    for story in STORIES:
        sentences = [s for key in story for p in paras[key] if len(p.split()) >= 8
                     for s in _SENTENCE.split(p) if len(s.split()) >= 4]
        pools.append(sorted(set(sentences)))
    out = [paras[STORIES[0][0]][0]]
    length, used, i = len(out[0]), set(), 0
    while length < size:
        pool = pools[i % len(pools)]
        names = {slot: f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for slot in NAME_SLOTS}
        for _ in range(rng.randint(8, 14)):
            text = " ".join(rng.sample(pool, k=rng.randint(2, 4)))
            for slot, name in names.items():
                text = text.replace(slot, name)
            if text not in used:
                used.add(text)
                out.append(text)
                length += len(text) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def build_repeated(out: Path) -> tuple[Path, Path]:
    """The repeated-text file and the varied-text file (rebuilt each run: they are cheap)."""
    folder = out / "repeated"
    folder.mkdir(parents=True, exist_ok=True)
    paras = seed_paragraphs()
    repeated, varied = folder / "repeated.txt", folder / "varied.txt"
    repeated.write_text(repeated_text(paras), encoding="utf-8")
    varied.write_text(varied_text(paras), encoding="utf-8")
    return repeated, varied


def _memory_kb(pid: int) -> int:
    """Proportional set size of one process (shared pages divided among the processes sharing
    them, so forked workers are not counted twice); resident set size where PSS is unavailable."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _tree_memory_kb(pid: int) -> int:
    """Memory of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            total += _memory_kb(p)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


# How often the peak memory is sampled: every 20 ms while a sample is cheap (a one-file run lasts
# 0.1 s), and never more than 5% of one core. Reading PSS makes the kernel walk every page table:
# about 10 ms for each 500 MB, so sampling a 10,000-file run every 20 ms took 12 s of CPU from the
# run it measured (49.4 s against 41.8 s at two samples a second, on 2 cores), for the same peak.
MIN_SAMPLE_INTERVAL = 0.02
MAX_SAMPLER_SHARE = 0.05


def measure(cmd: list[str], cwd: Path | None = None, tree: bool = True,
            env: dict | None = None) -> tuple[float, float, int]:
    """Run `cmd`; return (wall seconds, peak memory in MB, exit code). Memory is PSS summed over
    the process tree, or of the main process alone (`tree=False`: a Dask driver, not its workers)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            cost = time.thread_time()
            peak = max(peak, _tree_memory_kb(proc.pid) if tree else _memory_kb(proc.pid))
            cost = time.thread_time() - cost
            done.wait(max(MIN_SAMPLE_INTERVAL, cost / MAX_SAMPLER_SHARE))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.stderr.write(f"warning: {' '.join(cmd[:3])} exited {proc.returncode}: {err.decode()[-500:]}\n")
    return wall, peak / 1024, proc.returncode


def auditor_exe() -> list[str]:
    """The `auditor` command as users run it: the script pip installed beside this Python (as
    proselint is run by its script), else `python -m auditor`, which also imports runpy."""
    script = Path(sys.executable).with_name("auditor")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "auditor"]


def auditor_cmd(jobs: int, cache_dir: Path | None = None) -> list[str]:
    """A cold run (no result cache) unless `cache_dir` is given."""
    cmd = [*auditor_exe(), "check", "--format", "json", "--exit-zero", "--no-baseline"]
    cmd += ["--cache-dir", str(cache_dir)] if cache_dir else ["--no-cache"]
    return cmd + (["--jobs", str(jobs)] if jobs else [])


def max_rss_mb(cmd: list[str]) -> float:
    """Peak resident set size of a one-process command (the rusage of that very child)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped here: keep Popen from waiting again
    return usage.ru_maxrss / 1024


def proselint_cmd() -> list[str] | None:
    """proselint's script beside this Python (installed in the same environment), else on PATH."""
    beside = Path(sys.executable).with_name("proselint")
    exe = str(beside) if beside.is_file() else shutil.which("proselint")
    return [exe, "check"] if exe else None


def row(label: str, wall: float, mem: float) -> str:
    return f"  {label:<44} {wall:8.2f} s {mem:9.0f} MB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=10_000, help="articles in the corpus (default 10000)")
    ap.add_argument("--jobs", type=int, default=0, help="auditor --jobs (0: automatic)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--no-peer", action="store_true", help="skip proselint on N files (it is slow)")
    ap.add_argument("--no-scaling", action="store_true", help="skip the 2N run")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of the one-file cases (best is kept)")
    ap.add_argument("--only", choices=["repeated", "one", "archive"],
                    help="run one case alone: 'repeated' (1 MB of one article pasted 100 times "
                         "against 1 MB of varied prose), 'one' (one article, cold and with a warm "
                         "cache), 'archive' (--engine dask on --archive-n articles against N)")
    ap.add_argument("--archive-n", type=int, default=100_000,
                    help="articles of the archive-mode run (default 100000)")
    args = ap.parse_args()

    if args.only == "repeated":
        return bench_repeated(args)
    if args.only == "one":
        return bench_one(args, build_corpus(args.n, args.out))
    if args.only == "archive":
        return bench_archive(args)
    corpus = build_corpus(args.n, args.out)
    one = next(corpus.rglob("*.txt"))
    print(f"corpus: {args.n} articles in {corpus} ({sum(f.stat().st_size for f in corpus.rglob('*.txt')) / 1e6:.1f} MB); "
          f"{os.cpu_count()} CPUs")
    peer = proselint_cmd()
    print(f"  {'':<44} {'wall':>10} {'peak PSS':>12}")

    bench_one(args, corpus, header=False)

    warm_user_cache(corpus)
    wall_n, mem_n, _ = measure(auditor_cmd(args.jobs) + [str(corpus)])
    print(row(f"auditor check, {args.n} files", wall_n, mem_n))
    if peer and not args.no_peer:
        print(row(f"proselint check, {args.n} files", *measure(peer + [str(corpus)])[:2]))

    if not args.no_scaling:
        corpus2 = build_corpus(2 * args.n, args.out)
        wall_2n, mem_2n, _ = measure(auditor_cmd(args.jobs) + [str(corpus2)])
        print(row(f"auditor check, {2 * args.n} files", wall_2n, mem_2n))
        print(f"  scaling: T(2N)/T(N) = {wall_2n / wall_n:.2f} (target <= 2.1)")
    return bench_repeated(args)


def warm_user_cache(corpus: Path) -> None:
    """Run once, unmeasured, on the corpus's first folder (1,000 articles): what the tool builds
    once a machine (word indexes of the languages the articles call for, compiled patterns) is
    then there, as on a machine that has run it before, and the N-file runs time the steady state."""
    first = min(p for p in corpus.iterdir() if p.is_dir())
    subprocess.run(auditor_cmd(0) + [str(first)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def bench_one(args, corpus: Path, header: bool = True) -> int:
    """One article: the first run on a machine (an empty user cache: word indexes and compiled
    patterns are built), a cold run (no result cache; what is built once is there), a re-run with
    a warm result cache, proselint; wall time (best of --repeat) and peak resident memory."""
    one = next(corpus.rglob("*.txt"))
    if header:
        print(f"one article: {one}")
        print(f"  {'':<44} {'wall':>10} {'peak RSS':>12}")
    cold = auditor_cmd(args.jobs) + [str(one)]
    with tempfile.TemporaryDirectory() as fresh:
        first = measure(cold, env=dict(os.environ, AUDITOR_CACHE_DIR=fresh))
        print(row("auditor check, 1 file, first run on the machine", first[0], first[1]))
    best = min(measure(cold)[0] for _ in range(args.repeat))
    print(row("auditor check, 1 file", best, max_rss_mb(cold)))
    with tempfile.TemporaryDirectory() as cache:
        warm = auditor_cmd(args.jobs, Path(cache)) + [str(one)]
        measure(warm)  # fills the cache
        best_warm = min(measure(warm)[0] for _ in range(args.repeat))
        print(row("auditor check, 1 file, warm cache (a re-run)", best_warm, max_rss_mb(warm)))
    peer = proselint_cmd()
    if peer:
        best_peer = min(measure(peer + [str(one)])[0] for _ in range(args.repeat))
        print(row("proselint check, 1 file", best_peer, max_rss_mb(peer + [str(one)])))
        print(f"  one file: {best / best_peer:.2f} x proselint (target <= 0.8); warm cache "
              f"{best_warm / best_peer:.2f} x (target <= 0.5)")
    return 0


def bench_archive(args) -> int:
    """Archive mode: --engine dask (a local cluster of 2 workers) on N and on --archive-n articles,
    the driver's peak memory (not its workers'); then the local engine on the --archive-n corpus:
    its time against Dask's, and whether the two reports are the same bytes."""
    small, big = build_corpus(args.n, args.out), build_corpus(args.archive_n, args.out)
    reports = args.out / "archive-reports"
    reports.mkdir(parents=True, exist_ok=True)
    dask = [*auditor_exe(), "check", "--engine", "dask", "--format", "json", "--exit-zero",
            "--no-baseline", "--no-cache", "--output-file"]
    print(f"archive mode: {args.n} and {args.archive_n} articles")
    print(f"  {'':<44} {'wall':>10} {'peak PSS':>12}")
    d_small = measure(dask + [str(reports / "dask-small.json"), str(small)], tree=False)
    print(row(f"auditor check --engine dask, {args.n} files", *d_small[:2]) + "  (driver)")
    d_big = measure(dask + [str(reports / "dask-big.json"), str(big)], tree=False)
    print(row(f"auditor check --engine dask, {args.archive_n} files", *d_big[:2]) + "  (driver)")
    local = measure(auditor_cmd(args.jobs) + ["--output-file", str(reports / "local-big.json"), str(big)])
    print(row(f"auditor check (local engine), {args.archive_n} files", local[0], local[1]) + "  (whole tree)")
    print(f"  driver peak at {args.archive_n} / at {args.n}: {d_big[1] / d_small[1]:.2f} (target <= 1.0)")
    same = filecmp.cmp(reports / "dask-big.json", reports / "local-big.json", shallow=False)
    print(f"  the two engines' reports on {args.archive_n} files: {'identical' if same else 'DIFFERENT'}; "
          f"time dask / local: {d_big[0] / local[0]:.2f}")
    return 0 if same else 1


def bench_repeated(args) -> int:
    """Repeated text against varied text, one file of 1 MB each: T(repeated) / T(varied)."""
    repeated, varied = build_repeated(args.out)
    print(f"repeated text: {repeated} ({repeated.stat().st_size / 1e6:.1f} MB, one article x {COPIES}); "
          f"varied text: {varied} ({varied.stat().st_size / 1e6:.1f} MB)")
    print(f"  {'':<44} {'wall':>10} {'peak PSS':>12}")
    peer = None if args.no_peer else proselint_cmd()
    walls = {}
    for label, path in (("varied text", varied), ("repeated text", repeated)):
        best = min(measure(auditor_cmd(args.jobs) + [str(path)])[:2] for _ in range(args.repeat))
        walls[label] = best[0]
        print(row(f"auditor check, {label}, 1 file", *best))
        if peer:
            print(row(f"proselint check, {label}, 1 file",
                      *min(measure(peer + [str(path)])[:2] for _ in range(args.repeat))))
    ratio = walls["repeated text"] / walls["varied text"]
    print(f"  repeated/varied: T(repeated)/T(varied) = {ratio:.2f} (target <= 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
