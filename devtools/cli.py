"""The development commands of `newsetl`: mirror, smtp-sink, eval, demo.

They join the runtime CLI through the `newsetl.commands` entry point (pyproject.toml),
so runtime code never imports this package.
"""
from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Any

from core import config
from devtools import at_least_one, tcp_port, wait_until_interrupted


def cmd_mirror(args: argparse.Namespace) -> int:
    """Serve the offline snapshot of both sites on loopback until Ctrl-C."""
    from devtools.mirror import FaultPlan, ports_from_first, serve

    faults = FaultPlan.parse(args.faults) if args.faults else None
    ports = ports_from_first(args.port, args.pages_dir)
    if ports and max(ports.values()) > 65535:
        raise ValueError(f"--port {args.port}: the sources need {len(ports)} consecutive ports up to 65535")
    try:
        serve(ports, faults, args.pages_dir)
    except OSError as exc:  # a port in use, or one this user may not open
        raise RuntimeError(f"cannot listen on {ports or 'free ports'}: {exc.strerror or exc}") from None
    return 0


def cmd_smtp_sink(args: argparse.Namespace) -> int:
    """A loopback SMTP server saving mail as .eml files until Ctrl-C."""
    from devtools.smtp_sink import start_sink

    mail_dir = Path(args.dir) if args.dir else config.state_dir() / "mail"
    with contextlib.ExitStack() as stack:
        try:
            sink = stack.enter_context(start_sink(mail_dir, port=args.port))
        except OSError as exc:  # the port in use (aiosmtpd's bind error), or one this user may not open
            raise RuntimeError(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror or exc}") from None
        wait_until_interrupted(f"saving mail to {sink.mail_dir}", f"export {config.ENV_SMTP_CONN}='{sink.conn_uri}'")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """The pipeline benchmark (devtools.bench): a table on stdout, the figures as JSON with --json."""
    from devtools import bench

    return bench.main(args.articles, args.json_path, args.repeat)


def cmd_eval(args: argparse.Namespace) -> int:
    """Score extraction against the gold set; print this project beside quantulum3 and trafilatura.

    Then the real pages (tests/realgold): the dev set, the tuning sets (tune_other: titles, dates
    and chrome of other sources only), and the held-out sets (holdout, holdout2, holdout3, holdout4,
    holdout5, holdout6, holdout7, holdout8, holdout9, holdout10, holdout11, holdout12, holdout13, holdout14,
    holdout15) when present.
    """
    from devtools import evaluate, realgold

    if args.stories:
        from devtools import stories_eval

        print(stories_eval.report())
        return 0
    if args.speed or args.instructions:
        from devtools import speed

        if args.instructions:
            from devtools import instructions

            print(instructions.format_instructions(instructions.compare_revisions(args.against)))
        elif args.against:
            print(speed.format_comparison(speed.compare_revisions(args.against)))
        else:
            print(speed.format_speed(speed.measure()))
        return 0
    systems = args.system or evaluate.SYSTEMS
    if not args.real_only:
        gold = Path(args.gold) if args.gold else evaluate.GOLD_DIR
        results = evaluate.evaluate(gold, systems=systems)
        print(evaluate.format_table(results, evaluate.load_gold(gold), gold))
        if args.details:
            for name, scores in results.items():
                print(f"\n== {name}: {len(scores.misses)} details")
                print("\n".join(scores.misses))
    real_systems = [name for name in systems if name in realgold.REAL_SYSTEMS]
    ours: dict[Path, realgold.RealScores] = {}  # newsetl's scores per set, for the targets
    for folder, heading in realgold.real_sets() if real_systems else ():
        try:
            pages = realgold.load_realgold(folder)
        except FileNotFoundError as exc:  # a set still being assembled
            print(f"\n{heading}: {exc}")
            continue
        if not any(p.metrics for p in pages):  # titles, dates and chrome only: systems that parse pages
            real = realgold.evaluate_real(pages, [n for n in real_systems if n in realgold.PAGE_SYSTEMS])
        else:
            real = realgold.evaluate_real(pages, real_systems)
        print(f"\n{realgold.format_real_table(heading, pages, real)}")
        if "newsetl" in real:
            ours[folder.resolve()] = real["newsetl"]
        held_out = folder.resolve() in {d.resolve() for d in realgold.HELD_OUT_DIRS}
        if args.details and held_out and not args.held_out_details:
            print(f"\n== {folder.name}: details not listed (a held-out set's misses are not to be tuned on; "
                  f"--held-out-details lists them)")
        elif args.details or (held_out and args.held_out_details):
            for name, real_scores in real.items():
                print(f"\n== {name} on {folder.name}: {len(real_scores.details)} details")
                print("\n".join(real_scores.details))
    if ours:
        held = [ours.pop(d.resolve()) for d in realgold.HELD_OUT_DIRS if d.resolve() in ours]
        with_metrics = [ours[d.resolve()] for d in (realgold.DEV_DIR, realgold.TUNE_SITES_DIR) if d.resolve() in ours]
        print(f"\n{realgold.format_targets(list(ours.values()), held, with_metrics)}")
    return 0


def cmd_faults(args: argparse.Namespace) -> int:
    """Every fault scenario against the real parts (devtools.faults): one table, the list as JSON."""
    from devtools import faults

    try:
        if args.show:
            print(faults.table_from_json(args.show))
            return 0
        return faults.main(args.only, args.json_path, args.group, args.keep)
    except ValueError as exc:
        print(f"newsetl faults: error: {exc}", file=sys.stderr)
        return 2


def cmd_demo(args: argparse.Namespace) -> int:
    """The main job on embedded defaults."""
    from devtools.demo import run_demo

    return run_demo()


def cmd_airflow(args: argparse.Namespace) -> int:
    """The venv's airflow with the demo's Airflow home, this checkout's DAGs and the CLI's warehouse."""
    from devtools.airflow_local import by_hand

    if not args.airflow_args:
        raise ValueError("give the airflow command, e.g. `newsetl airflow dags list --local`")
    return by_hand(args.airflow_args)


def register(sub: Any) -> None:
    """Add the development subcommands to the `newsetl` parser's subparsers."""
    from devtools.mirror import add_arguments as add_mirror_arguments

    s = sub.add_parser("mirror", help="serve the offline snapshot (seeds/pages) on 127.0.0.1")
    add_mirror_arguments(s)
    s.set_defaults(func=cmd_mirror)

    s = sub.add_parser("smtp-sink", help="a loopback SMTP server that saves mail as .eml files")
    s.add_argument("--dir", help="where to save mail (default: <NEWSETL_HOME>/mail)")
    s.add_argument("--port", type=tcp_port, default=1025)
    s.set_defaults(func=cmd_smtp_sink)

    s = sub.add_parser("eval", help="extraction quality on the gold set, beside quantulum3 and trafilatura")
    s.add_argument("--gold", help="gold set directory (default: tests/gold)")
    s.add_argument("--system", action="append",
                   help="only this system (repeatable): newsetl, quantulum3, trafilatura")
    s.add_argument("--details", action="store_true",
                   help="list every miss, extra and field mismatch (not of the held-out real pages)")
    s.add_argument("--held-out-details", action="store_true",
                   help="list them for the held-out real pages too (after measuring, never while tuning)")
    s.add_argument("--speed", action="store_true",
                   help="only the speed table: the transform beside trafilatura, the metric rules beside quantulum3")
    s.add_argument("--against", metavar="REV",
                   help="with --speed: this checkout beside git revision REV on the same pages and bodies "
                        "(each in its own process, taking turns); REV is not compiled, so its row is pure "
                        "Python: compare it with this checkout's pure-Python row, not the compiled one")
    s.add_argument("--instructions", action="store_true",
                   help="(implies --speed) count instructions under valgrind's callgrind instead of CPU seconds "
                        "(within about 1%% for the same code whatever the machine is doing; a few minutes)")
    s.add_argument("--stories", action="store_true",
                   help="story grouping (near-duplicates) on the real pages: pair precision/recall by threshold")
    s.add_argument("--real-only", action="store_true",
                   help="only the real pages (tests/realgold: dev, tune_sites, tune_other and the held-out sets), "
                        "not the tests/gold table")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("bench", help="the whole pipeline on N generated articles, stage by stage (prints figures)")
    s.add_argument("--articles", type=at_least_one, default=10_000, help="articles to generate (default 10,000)")
    s.add_argument("--json", dest="json_path", metavar="PATH", help="also write the figures as JSON here")
    s.add_argument("--repeat", type=int, default=3,
                   help="repetitions of every measurement: pipeline runs at each size, side-by-side passes "
                        "(medians kept; default 3)")
    s.set_defaults(func=cmd_bench)

    s = sub.add_parser("faults", help="every fault scenario (site, database, SMTP, content, Airflow): one table")
    s.add_argument("--json", dest="json_path", metavar="PATH", help="also write the results as a JSON list here")
    s.add_argument("--only", action="append", metavar="NAME", help="run only this scenario (repeatable)")
    s.add_argument("--group", action="append", choices=("site", "database", "smtp", "content", "airflow"),
                   help="run only this group (repeatable)")
    s.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (run dirs, mail, logs) for a post-mortem")
    s.add_argument("--show", action="append", metavar="JSON",
                   help="run nothing: print the table of saved --json files (repeatable; a later file's row wins)")
    s.set_defaults(func=cmd_faults)

    s = sub.add_parser("demo", help="the main job on embedded defaults: mirror + Postgres + Airflow DAG once")
    s.set_defaults(func=cmd_demo)

    s = sub.add_parser("airflow", help="airflow ARGS with the demo's Airflow home (SQLite), this checkout's dags/ and "
                                       "the CLI's warehouse: run the DAGs by hand (`dags test ...`)")
    s.add_argument("airflow_args", nargs=argparse.REMAINDER, help="the airflow command and its arguments")
    s.set_defaults(func=cmd_airflow)
