"""The terminal report of one analysed article (``hadath analyze``)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table


def _who(parts: list[dict]) -> str:
    return "; ".join(f"{p['entity_text']} ({p.get('code') or '–'}/{p.get('sector') or '–'})" for p in parts) or "–"


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def render(record: dict, console: Console) -> None:
    if "error" in record:
        err = record["error"]
        console.print(f"[red]{record.get('doc_id')}[/red]: {err.get('message')} {err.get('fix', '')}")
        return
    console.rule(f"[bold]{record['title'] or record['doc_id']}")
    console.print(f"doc_id {record['doc_id']}  published {record.get('published') or '–'}")
    tables = [
        ("Events", ("type", "mode", "actor", "recipient", "date", "place", "trigger", "evidence"),
         [(e["event"], e.get("mode") or "", _who(e["actor"]), _who(e["recipient"]), e.get("date") or "",
           (e.get("event_loc") or {}).get("text", ""), e.get("trigger") or "", _short(e["event_text"]))
          for e in record["events"]]),
        ("Actors", ("actor", "code", "sector", "also called", "source"),
         [(a["entity_text"], a.get("code") or "–", a.get("sector") or "–", "، ".join(a["aliases"]),
           a["provenance"]) for a in record["actors"]]),
        ("Quotes", ("speaker", "kind", "quote"),
         [((q.get("speaker") or {}).get("entity_text", "–"), q["kind"], _short(q["text"], 120))
          for q in record["quotes"]]),
        ("Times", ("expression", "value"), [(t["text"], t["value"]) for t in record["times"]]),
        ("Places", ("place", "country", "level", "lat", "lon"),
         [(p["text"], p["country"], p["level"], f"{p['lat']:.2f}", f"{p['lon']:.2f}") for p in record["places"]]),
    ]
    for title, columns, rows in tables:
        table = Table(title=f"{title} ({len(rows)})", show_lines=False, expand=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console.print(table)
