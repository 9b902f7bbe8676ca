"""Turn raw samples into the summary (JSON) and the printed table, and judge the targets."""

from __future__ import annotations

import math
from typing import Any

from measure import percentile

#: Row order and labels of every table.
LABELS = {
    "direct": "direct to mock (floor)",
    "passthrough": "beliefloop, no user",
    "personalised": "beliefloop, 5 beliefs",
    "learning": "beliefloop, 5 beliefs + edit",
    "litellm": "LiteLLM proxy",
}
SLO_P99_OVERHEAD_MS = 10.0


def _ms(values_s: list[float], q: float) -> float:
    return percentile(values_s, q) * 1e3


def _ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or not math.isfinite(a) or not math.isfinite(b) or b == 0:
        return None
    return a / b


def _fmt(value: Any, digits: int = 2, suffix: str = "") -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    if isinstance(value, float):
        if suffix == "×" and 0 < abs(value) < 0.1:
            digits = 3  # a ratio like 0.003× must not print as 0.00×
        return f"{value:.{digits}f}{suffix}"
    return f"{value}{suffix}"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = lambda cells: "  ".join(  # noqa: E731
        c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


# -- summaries -------------------------------------------------------------------------------

def latency_summary(result: dict) -> dict[str, dict[str, float | None]]:
    samples, added, cpu = result["samples"], result["added"], result.get("cpu_ns", {})
    out: dict[str, dict[str, float | None]] = {}
    floor50, floor99 = _ms(samples["direct"], 50), _ms(samples["direct"], 99)
    lite = added.get("litellm")
    for key, values in samples.items():
        row: dict[str, float | None] = {"n": len(values), "p50_ms": _ms(values, 50), "p99_ms": _ms(values, 99),
                                        "mean_ms": sum(values) / len(values) * 1e3}
        row["x_floor_p50"] = _ratio(row["p50_ms"], floor50)
        row["x_floor_p99"] = _ratio(row["p99_ms"], floor99)
        # CPU the server spent per request, until it went idle again (after-response work included).
        row["server_cpu_p50_ms"] = percentile(cpu[key], 50) / 1e6 if cpu.get(key) else None
        if key in added:
            row["added_p50_ms"] = _ms(added[key], 50)
            row["added_p99_ms"] = _ms(added[key], 99)
            row["x_litellm_added_p50"] = _ratio(row["added_p50_ms"], _ms(lite, 50)) if lite else None
            row["x_litellm_added_p99"] = _ratio(row["added_p99_ms"], _ms(lite, 99)) if lite else None
        out[key] = row
    return out


def throughput_summary(runs: dict[str, dict[int, Any]]) -> dict[str, Any]:
    """Per target and concurrency: req/s, p50/p99, p99 over the floor's p99 at that concurrency;
    plus the best req/s whose p99 overhead stays under :data:`SLO_P99_OVERHEAD_MS`."""
    direct = runs.get("direct", {})
    out: dict[str, Any] = {}
    for key, levels in runs.items():
        rows = {}
        best, best_c = 0.0, None
        for c, r in sorted(levels.items()):
            over = r.p99_ms - direct[c].p99_ms if c in direct else None
            rows[c] = {"rps": r.rps, "p50_ms": r.p50_ms, "p99_ms": r.p99_ms, "p99_overhead_ms": over,
                       "errors": r.errors, "requests": r.requests}
            if over is not None and over < SLO_P99_OVERHEAD_MS and r.errors == 0 and r.rps > best:
                best, best_c = r.rps, c
        out[key] = {"levels": rows, "slo_rps": best, "slo_concurrency": best_c}
    lite = out.get("litellm")
    floor = out.get("direct")
    for key, data in out.items():
        for c, row in data["levels"].items():
            row["x_floor_rps"] = _ratio(row["rps"], floor["levels"][c]["rps"]) if floor else None
            row["x_litellm_rps"] = _ratio(row["rps"], lite["levels"][c]["rps"]) if lite and c in lite["levels"] else None
        data["x_litellm_slo_rps"] = _ratio(data["slo_rps"], lite["slo_rps"]) if lite else None
    return out


def stream_summary(result: dict) -> dict[str, dict[str, float | None]]:
    out: dict[str, dict[str, float | None]] = {}
    first, gap = result["first"], result["gap"]
    lite_first, lite_gap = first["added"].get("litellm"), gap["added"].get("litellm")
    for key in first["samples"]:
        row: dict[str, float | None] = {
            "first_p50_ms": _ms(first["samples"][key], 50), "first_p99_ms": _ms(first["samples"][key], 99),
            "gap_p50_ms": _ms(gap["samples"][key], 50), "gap_p99_ms": _ms(gap["samples"][key], 99),
        }
        row["x_floor_first_p50"] = _ratio(row["first_p50_ms"], _ms(first["samples"]["direct"], 50))
        row["x_floor_gap_p50"] = _ratio(row["gap_p50_ms"], _ms(gap["samples"]["direct"], 50))
        if key in first["added"]:
            row["first_added_p50_ms"] = _ms(first["added"][key], 50)
            row["first_added_p99_ms"] = _ms(first["added"][key], 99)
            row["gap_added_p50_ms"] = _ms(gap["added"][key], 50)
            row["gap_added_p99_ms"] = _ms(gap["added"][key], 99)
            row["x_litellm_first_added_p50"] = (_ratio(row["first_added_p50_ms"], _ms(lite_first, 50))
                                                if lite_first else None)
            row["x_litellm_gap_added_p50"] = (_ratio(row["gap_added_p50_ms"], _ms(lite_gap, 50))
                                              if lite_gap else None)
        out[key] = row
    return out


def body_summary(result: dict[int, dict]) -> dict[str, dict[str, dict[str, float | None]]]:
    out: dict[str, dict[str, dict[str, float | None]]] = {}
    sizes = sorted(k for k in result if isinstance(k, int))
    for size in sizes:
        samples, added = result[size]["samples"], result[size]["added"]
        lite = added.get("litellm")
        for key, values in samples.items():
            row: dict[str, float | None] = {"p50_ms": _ms(values, 50), "p99_ms": _ms(values, 99)}
            row["x_floor_p50"] = _ratio(row["p50_ms"], _ms(samples["direct"], 50))
            if key in added:
                row["added_p50_ms"] = _ms(added[key], 50)
                row["added_p99_ms"] = _ms(added[key], 99)
                row["x_litellm_added_p50"] = _ratio(row["added_p50_ms"], _ms(lite, 50)) if lite else None
            out.setdefault(key, {})[str(size)] = row
    for key, by_size in out.items():
        small, large = by_size.get(str(sizes[0])), by_size.get(str(sizes[-1]))
        if small and large and "added_p50_ms" in small:
            by_size["large_over_small_added_p50"] = {"ratio": _ratio(large["added_p50_ms"], small["added_p50_ms"])}
    return out


def rss_summary(result: dict) -> dict[str, Any]:
    """Flat = growth from a quarter into the soak to its end ≤ max(4 MiB, 3%) (the first quarter is
    warm-up: caches and allocator pools fill)."""
    samples = result["samples"]
    elapsed = result["elapsed_s"]
    quarter = min(samples, key=lambda s: abs(s[0] - elapsed / 4))[1]
    start, end, peak = samples[0][1], samples[-1][1], max(s[1] for s in samples)
    allowed = max(4 * 2**20, 0.03 * quarter)
    return {"start_mib": start / 2**20, "quarter_mib": quarter / 2**20, "end_mib": end / 2**20,
            "peak_mib": peak / 2**20, "growth_after_warmup_mib": (end - quarter) / 2**20,
            "allowed_growth_mib": allowed / 2**20, "flat": end - quarter <= allowed,
            "elapsed_s": elapsed, "requests": result["requests"], "errors": result["errors"],
            "achieved_rps": result["achieved_rps"],
            "samples_mib": [(round(t, 1), round(r / 2**20, 2)) for t, r in samples]}


# -- checks ----------------------------------------------------------------------------------

def checks(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's targets, each as value / limit / pass (None = could not be judged)."""
    out = []

    def add(name: str, value: str, limit: str, ok: bool | None, note: str = "") -> None:
        out.append({"name": name, "value": value, "limit": limit, "pass": ok, "note": note})

    lat = summary.get("latency", {})
    pers, lite = lat.get("personalised"), lat.get("litellm")
    if pers and lite:
        ok = (pers["added_p50_ms"] <= lite["added_p50_ms"] / 3 and pers["added_p99_ms"] <= lite["added_p99_ms"] / 3)
        add("added latency, personalised, c=1 (p50 / p99)",
            f"{pers['added_p50_ms']:.2f} / {pers['added_p99_ms']:.2f} ms",
            f"≤ 1/3 LiteLLM = {lite['added_p50_ms'] / 3:.2f} / {lite['added_p99_ms'] / 3:.2f} ms", ok)
    else:
        add("added latency, personalised, c=1", "—", "≤ 1/3 LiteLLM", None, "LiteLLM not measured")

    thr = summary.get("throughput", {})
    tp, tl = thr.get("personalised"), thr.get("litellm")
    if tp and tl:
        ratio = _ratio(tp["slo_rps"], tl["slo_rps"])
        ok = tp["slo_rps"] > 0 and (tl["slo_rps"] == 0 or tp["slo_rps"] >= 3 * tl["slo_rps"])
        peak_p = max(r["rps"] for r in tp["levels"].values())
        peak_l = max(r["rps"] for r in tl["levels"].values())
        within = lambda d: (f"{d['slo_rps']:.0f} req/s (c={d['slo_concurrency']})" if d["slo_concurrency"]  # noqa: E731
                            else "no level within the budget")
        add(f"throughput at p99 overhead < {SLO_P99_OVERHEAD_MS:.0f} ms, personalised",
            f"{within(tp)}" + (f" = {_fmt(ratio, 1, '×')} LiteLLM" if ratio is not None else "")
            + f"; peak {peak_p:.0f} vs LiteLLM {peak_l:.0f} req/s = {_fmt(_ratio(peak_p, peak_l), 1, '×')}",
            f"≥ 3× LiteLLM ({within(tl)})", ok)
    else:
        add("throughput, personalised", "—", "≥ 3× LiteLLM", None, "LiteLLM or wrk not measured")

    stream = summary.get("streaming", {}).get("personalised")
    if stream:
        add("streaming first-chunk overhead, personalised (p50; p99 shown)",
            f"{stream['first_added_p50_ms']:.2f} ms (p99 {stream['first_added_p99_ms']:.2f} ms)", "≤ 1 ms",
            stream["first_added_p50_ms"] <= 1.0)

    micro = summary.get("micro")
    if micro:
        add("belief load + rule match + render + inject (in-process, p50)",
            f"{micro['total']['p50_ms']:.3f} ms (p99 {micro['total']['p99_ms']:.3f})", "≤ 0.3 ms",
            micro["total"]["p50_ms"] <= 0.3)

    bodies = summary.get("bodies", {}).get("personalised")
    if bodies:
        sizes = sorted(int(k) for k in bodies if k.isdigit())
        small, large = bodies[str(sizes[0])], bodies[str(sizes[-1])]
        ratio = _ratio(large["added_p50_ms"], small["added_p50_ms"])
        add(f"{sizes[-1] // 1000} KB body vs {sizes[0] // 1000} KB, added latency p50, personalised",
            f"{large['added_p50_ms']:.2f} vs {small['added_p50_ms']:.2f} ms = {_fmt(ratio, 1, '×')}", "≤ 2×",
            ratio is not None and ratio <= 2.0)

    rss = summary.get("rss")
    if rss:
        add("RSS flat over the soak (after its first quarter)",
            f"{rss['quarter_mib']:.1f} → {rss['end_mib']:.1f} MiB ({rss['growth_after_warmup_mib']:+.1f})",
            f"growth ≤ {rss['allowed_growth_mib']:.1f} MiB", rss["flat"])
    return out


# -- the printed table -----------------------------------------------------------------------

def render(summary: dict[str, Any]) -> str:
    meta = summary["meta"]
    parts = [
        f"beliefloop overhead benchmark — {meta['mode']} run, {meta['started']}, commit {meta['commit']}",
        f"mock upstream: {meta['mock']}; {meta['placement']}",
        f"beliefloop {meta['beliefloop']}; LiteLLM proxy {meta['litellm']}; client: {meta['client']}",
    ]
    foreign = summary.get("foreign_load", {})
    if foreign:
        names = {"latency_phase": "latency", "body_phase": "bodies", "stream_phase": "streaming",
                 "soak_phase": "soak"}
        cells = [f"{names.get(k, k)} {100 * v:.0f}%" for k, v in foreign.items() if isinstance(v, float)]
        wrk = [v for v in foreign.get("throughput", {}).values()]
        if wrk:
            cells.append(f"wrk runs ≤ {100 * max(wrk):.0f}% (median {100 * sorted(wrk)[len(wrk) // 2]:.0f}%)")
        parts.append("other processes' share of the servers' core (shared machine): " + ", ".join(cells))
    if meta.get("notes"):
        parts += [f"note: {n}" for n in meta["notes"]]
    keys = [k for k in LABELS if k in summary.get("latency", {})]

    lat = summary.get("latency")
    if lat:
        parts += ["", f"1. Latency at concurrency 1 ({meta['latency_rounds']} paired rounds, ~1 KB body; "
                      "added = target − direct in the same round)"]
        rows = []
        for k in keys:
            r = lat[k]
            rows.append([LABELS[k], _fmt(r["p50_ms"]), _fmt(r["p99_ms"]), _fmt(r.get("added_p50_ms")),
                         _fmt(r.get("added_p99_ms")), _fmt(r["x_floor_p50"], 2, "×"), _fmt(r["x_floor_p99"], 2, "×"),
                         _fmt(r.get("x_litellm_added_p50"), 2, "×"), _fmt(r.get("x_litellm_added_p99"), 2, "×"),
                         _fmt(r.get("server_cpu_p50_ms"))])
        parts.append(_table(["target", "p50 ms", "p99 ms", "added p50", "added p99", "÷floor p50",
                             "÷floor p99", "added ÷LiteLLM p50", "p99", "server CPU/req"], rows))

    thr = summary.get("throughput")
    if thr:
        levels = sorted({c for d in thr.values() for c in d["levels"]})
        parts += ["", f"2. Throughput, one worker, wrk closed loop ({meta['wrk_seconds']}); req/s and p99 ms per "
                      f"concurrency; best = highest req/s with p99 − floor p99 < {SLO_P99_OVERHEAD_MS:.0f} ms"]
        rows = []
        for k in [k for k in LABELS if k in thr]:
            d = thr[k]
            cells = [LABELS[k]]
            for c in levels:
                row = d["levels"].get(c)
                cells.append("—" if row is None else f"{row['rps']:.0f} / {row['p99_ms']:.1f}"
                             + (f" ({row['errors']} err)" if row["errors"] else ""))
            big = d["levels"].get(max(levels), {})
            cells += [f"{d['slo_rps']:.0f} (c={d['slo_concurrency']})" if d["slo_concurrency"] else "none",
                      _fmt(big.get("x_floor_rps"), 2, "×"), _fmt(big.get("x_litellm_rps"), 2, "×"),
                      _fmt(d.get("x_litellm_slo_rps"), 2, "×")]
            rows.append(cells)
        parts.append(_table(["target", *[f"c={c}" for c in levels], "best",
                             f"÷floor c={max(levels)}", f"÷LiteLLM c={max(levels)}", "best ÷LiteLLM"], rows))

    stream = summary.get("streaming")
    if stream:
        parts += ["", f"3. Streaming ({meta['stream_rounds']} paired rounds; {meta['mock_chunks']} SSE events "
                      f"{meta['mock_gap_ms']} ms apart): time to first event and mean gap between events, ms"]
        rows = []
        for k in [k for k in LABELS if k in stream]:
            r = stream[k]
            rows.append([LABELS[k], _fmt(r["first_p50_ms"]), _fmt(r["first_p99_ms"]),
                         _fmt(r.get("first_added_p50_ms")), _fmt(r.get("first_added_p99_ms")),
                         _fmt(r["gap_p50_ms"]), _fmt(r.get("gap_added_p50_ms"), 3),
                         _fmt(r.get("gap_added_p99_ms"), 3), _fmt(r["x_floor_first_p50"], 2, "×"),
                         _fmt(r.get("x_litellm_first_added_p50"), 2, "×")])
        parts.append(_table(["target", "first p50", "first p99", "added p50", "added p99", "gap p50",
                             "gap added p50", "gap added p99", "first ÷floor", "first added ÷LiteLLM"], rows))

    bodies = summary.get("bodies")
    if bodies:
        sizes = sorted(int(s) for s in next(iter(bodies.values())) if s.isdigit())
        parts += ["", f"4. Request body size ({meta['body_rounds']} paired rounds): added latency p50 / p99 ms"]
        rows = []
        for k in [k for k in LABELS if k in bodies]:
            b = bodies[k]
            cells = [LABELS[k]]
            for s in sizes:
                r = b[str(s)]
                cells.append(f"{r['p50_ms']:.2f} (floor)" if k == "direct" else
                             f"{r['added_p50_ms']:.2f} / {r['added_p99_ms']:.2f}")
            ratio = b.get("large_over_small_added_p50", {}).get("ratio")
            cells += [_fmt(ratio, 2, "×"), _fmt(b[str(sizes[-1])].get("x_litellm_added_p50"), 2, "×")]
            rows.append(cells)
        parts.append(_table(["target", *[f"{s // 1000} KB" for s in sizes],
                             f"{sizes[-1] // 1000}KB÷{sizes[0] // 1000}KB added",
                             f"{sizes[-1] // 1000} KB added ÷LiteLLM"], rows))

    micro = summary.get("micro")
    if micro:
        parts += ["", f"5. In-process: belief load + rule match + render + inject + orjson.dumps "
                      f"({micro['iterations']} iterations, {micro['directives']} directives, "
                      f"{micro['body_bytes']} B body), ms"]
        rows = [[name, _fmt(micro[part]["p50_ms"], 4), _fmt(micro[part]["p99_ms"], 4), _fmt(micro[part]["mean_ms"], 4)]
                for name, part in [("total", "total"), ("  prepare (cache hit)", "prepare"),
                                   ("  plan (match + render + budget)", "plan"),
                                   ("  apply_plan + orjson.dumps", "apply_and_dumps")]]
        parts.append(_table(["step", "p50", "p99", "mean"], rows))

    rss = summary.get("rss")
    if rss:
        parts += ["", f"6. beliefloop RSS over a {rss['elapsed_s']:.0f} s soak at {rss['achieved_rps']:.0f} req/s "
                      f"({rss['requests']} requests, {rss['errors']} errors)"]
        idle = summary.get("idle_rss_mib", {})
        rows = [["beliefloop", _fmt(idle.get("beliefloop"), 1), _fmt(rss["start_mib"], 1), _fmt(rss["quarter_mib"], 1),
                 _fmt(rss["end_mib"], 1), _fmt(rss["peak_mib"], 1), f"{rss['growth_after_warmup_mib']:+.1f}"]]
        if "litellm" in idle:
            rows.append(["LiteLLM proxy (no soak)", _fmt(idle["litellm"], 1), "—", "—", "—", "—", "—"])
        parts.append(_table(["process", "after warm-up MiB", "soak start", "at 1/4", "end", "peak",
                             "growth after 1/4"], rows))

    extra = summary.get("extra", {})
    if extra:
        parts += ["", "Other figures"]
        parts += [f"  {k}: {v}" for k, v in extra.items()]

    parts += ["", "Targets"]
    for c in summary.get("checks", []):
        verdict = {True: "PASS", False: "FAIL", None: "SKIP"}[c["pass"]]
        parts.append(f"  [{verdict}] {c['name']}: {c['value']}  (target {c['limit']})"
                     + (f" — {c['note']}" if c["note"] else ""))
    return "\n".join(parts)


__all__ = ["LABELS", "body_summary", "checks", "latency_summary", "render", "rss_summary", "stream_summary",
           "throughput_summary"]
