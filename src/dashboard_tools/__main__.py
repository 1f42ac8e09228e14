"""`python -m dashboard_tools <command>`: the maintainers' tools, kept out of the app's package.

- bench: how fast the pages and the scorecard are, county to country (docs/performance.md)
- load:  simultaneous sessions against a running server
- sidebyside: each page in Chromium against a bare Streamlit page with the same charts
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def cmd_bench(args) -> int:
    from . import bench

    if args.child:
        print(json.dumps(bench.child(args.child, Path(args.data_dir), args.repeat)))
        return 0
    doc = bench.run(args.scales.split(","), args.repeat, Path(args.work), Path(args.out) if args.out else None)
    return 0 if all(v["met"] for v in doc["verdicts"].values()) else 3


def cmd_load(args) -> int:
    from . import loadtest

    extra = ["--data-dir", args.data_dir] if args.data_dir else None
    result = loadtest.run(args.sessions, args.steps, args.seed, args.url, extra)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.out:
        Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0 if not result["failures"] and result["steps_done"] == result["steps_expected"] else 3


def cmd_sidebyside(args) -> int:
    from . import sidebyside

    doc = sidebyside.run(args.repeat, Path(args.out) if args.out else None)
    return 0 if all(v["met"] for v in doc["verdicts"].values()) else 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard_tools", description="看板维护工具：性能基准与负载测试")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("bench", help="性能基准：县、地区、全国规模的页面与评估耗时和内存")
    p.add_argument("--scales", default="county,prefecture,national")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--work", default="/tmp/dashboard-bench", help="合成快照的存放目录")
    p.add_argument("--out", default="benchmarks/latest.json")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--data-dir", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("load", help="并发负载测试：多个会话同时随机切换页面、乡镇和语言")
    p.add_argument("--sessions", type=int, default=50)
    p.add_argument("--steps", type=int, default=6, help="每个会话的操作次数")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--url", help="已在运行的看板地址；不给则自动启动一个")
    p.add_argument("--data-dir")
    p.add_argument("--out", help="结果另存为 JSON")
    p.set_defaults(func=cmd_load)

    p = sub.add_parser("sidebyside", help="浏览器里逐页对照：看板页面与画同样图表的空白 Streamlit 页面")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--out", default="benchmarks/sidebyside.json")
    p.set_defaults(func=cmd_sidebyside)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
