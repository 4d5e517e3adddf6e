"""Score the article extractor against a gold.jsonl (the seeds' format): pair P/R/F1 and attribute accuracy.

``evaluate(gold_path, articles_dir, extractor=None, terminated="auto") -> dict``
    Extracts every article under ``articles_dir`` (the gold file itself is skipped) and matches predicted
    pairs to gold pairs per article. Article id = file stem; a jsonl article is "stem#line".
    A pair matches on the Ukrainian party (normalised settlement name) and the partner name (normalised:
    case, apostrophes ’ ʼ ', ґ/г, hyphens/spaces, a bracketed qualifier such as "(Техас)" dropped, small
    spelling differences tolerated, or the gold name among the predicted GeoNames place's names); domestic
    pairs are unordered. ``pairs`` scores that match; ``strict``
    also requires the partner country and the Ukrainian oblast to agree.
    Terminated ties: the seeds' gold omits them, the dev set lists them. ``terminated="auto"`` keeps
    predicted terminated mentions only when the gold file holds at least one terminated record (otherwise
    they are dropped before scoring); "include" / "ignore" force either behaviour.
    Scores are given for all pairs and for own-event pairs (mentioned_in_passing false on both sides).
``format_report(report) -> str``: a plain-text summary with per-article misses and extras.
"""
import json
import re
from difflib import SequenceMatcher
from pathlib import Path

from etl.extract.morphology import key
from etl.sources.articles import iter_documents

ATTRIBUTES = ("partner_country", "ua_oblast", "partner_oblast", "type", "status", "date", "programme",
              "mentioned_in_passing")
_BRACKETS = re.compile(r"\s*\([^)]*\)")


def norm_name(name: str | None) -> str:
    return key(_BRACKETS.sub("", name or "")).replace("'", "")


def names_match(a: str | None, b: str | None) -> bool:
    x, y = norm_name(a), norm_name(b)
    if not x or not y:
        return False
    return x == y or SequenceMatcher(None, x, y).ratio() >= 0.8


def _oblast(value: str | None) -> str:
    return norm_name(value)


def load_gold(path) -> dict[str, dict]:
    gold: dict[str, dict] = {}
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                gold[record["id"]] = record
    return gold


def article_id(source: str) -> str:
    path, _, line = source.partition("#")
    stem = Path(path).stem
    return f"{stem}#{line}" if line else stem


_SPELLING_FOLDS = str.maketrans({"і": "и", "ї": "и", "й": "и", "ы": "и", "є": "е", "э": "е", "ё": "е", "ь": None})


def _folded(name: str) -> str:
    """A name with the Ukrainian/Russian spelling differences of exonyms folded ('Міхаловце' ~ 'Михаловце')."""
    return norm_name(name).translate(_SPELLING_FOLDS)


def _partner_match(gold: dict, pred: dict, index) -> bool:
    """Same partner name, or the gold name is (up to и/і, е/є spellings) one of the GeoNames names of the
    predicted place."""
    if names_match(gold["partner"], pred["partner"]):
        return True
    names = index.place_cyr_names.get(pred.get("partner_geonameid")) if index is not None else None
    return bool(names) and _folded(gold["partner"]) in {_folded(n) for n in names}


def _same_pair(gold: dict, pred: dict, index=None) -> bool:
    if gold["partner_country"] == "UA" or pred["partner_country"] == "UA":
        if gold["partner_country"] != pred["partner_country"]:
            return False
        g = {norm_name(gold["ua_party"]), norm_name(gold["partner"])}
        p = (pred["ua_party"], pred["partner"])
        return all(any(names_match(n, x) for x in g) for n in p) and len(g) == 2
    return names_match(gold["ua_party"], pred["ua_party"]) and _partner_match(gold, pred, index)


def _strict(gold: dict, pred: dict) -> bool:
    if gold["partner_country"] != pred["partner_country"]:
        return False
    if gold["partner_country"] == "UA":
        return {_oblast(gold["ua_oblast"]), _oblast(gold["partner_oblast"])} == {
            _oblast(pred["ua_oblast"]), _oblast(pred["partner_oblast"])}
    return _oblast(gold["ua_oblast"]) == _oblast(pred["ua_oblast"])


def _attribute_equal(name: str, gold: dict, pred: dict) -> bool:
    if name in ("ua_oblast", "partner_oblast") and gold["partner_country"] == "UA":
        return {_oblast(gold["ua_oblast"]), _oblast(gold["partner_oblast"])} == {
            _oblast(pred["ua_oblast"]), _oblast(pred["partner_oblast"])}
    if name in ("ua_oblast", "partner_oblast"):
        return _oblast(gold.get(name)) == _oblast(pred.get(name))
    return gold.get(name) == pred.get(name)


def _match(gold: list[dict], pred: list[dict], index=None) -> list[tuple[dict, dict]]:
    pairs: list[tuple[dict, dict]] = []
    free = list(pred)
    for g in gold:
        for p in free:
            if _same_pair(g, p, index):
                pairs.append((g, p))
                free.remove(p)
                break
    return pairs


def _prf(tp: int, n_gold: int, n_pred: int) -> dict:
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "gold": n_gold, "predicted": n_pred}


def _score(gold_by_id: dict[str, list], pred_by_id: dict[str, list], index=None) -> dict:
    tp = strict_tp = n_gold = n_pred = 0
    correct = dict.fromkeys(ATTRIBUTES, 0)
    theme_jaccard = 0.0
    matched_total = 0
    for doc_id in gold_by_id.keys() | pred_by_id.keys():
        gold, pred = gold_by_id.get(doc_id, []), pred_by_id.get(doc_id, [])
        n_gold += len(gold)
        n_pred += len(pred)
        for g, p in _match(gold, pred, index):
            tp += 1
            strict_tp += _strict(g, p)
            matched_total += 1
            for name in ATTRIBUTES:
                correct[name] += _attribute_equal(name, g, p)
            gs, ps = set(g.get("themes") or []), set(p.get("themes") or [])
            theme_jaccard += len(gs & ps) / len(gs | ps) if gs | ps else 1.0
    accuracy = {name: round(correct[name] / matched_total, 4) if matched_total else None for name in ATTRIBUTES}
    accuracy["themes_jaccard"] = round(theme_jaccard / matched_total, 4) if matched_total else None
    return {"pairs": _prf(tp, n_gold, n_pred), "strict": _prf(strict_tp, n_gold, n_pred), "accuracy": accuracy}


def evaluate(gold_path, articles_dir, extractor=None, terminated: str = "auto") -> dict:
    if extractor is None:
        from etl.extract.pipeline import Extractor
        extractor = Extractor()
    gold = load_gold(gold_path)
    gold_pairs = {doc_id: list(record.get("agreements") or []) for doc_id, record in gold.items()}
    has_terminated = any(a.get("status") == "terminated" for pairs in gold_pairs.values() for a in pairs)
    keep_terminated = terminated == "include" or (terminated == "auto" and has_terminated)
    gold_file = Path(gold_path).resolve()
    paths = [p for p in sorted(Path(articles_dir).rglob("*")) if p.is_file() and p.resolve() != gold_file]
    predicted: dict[str, list] = {}
    published: dict[str, object] = {}
    for document in iter_documents(paths):
        doc_id = article_id(document.source)
        if doc_id not in gold:
            continue
        mentions = [m.to_json() | {"partner_geonameid": m.partner_geonameid} for m in extractor.extract(document)]
        predicted[doc_id] = [m for m in mentions if keep_terminated or m["status"] != "terminated"]
        published[doc_id] = document.published_date.isoformat() if document.published_date else None
    index = getattr(extractor, "index", None)
    own = {k: [a for a in v if not a.get("mentioned_in_passing")] for k, v in gold_pairs.items()}
    own_pred = {k: [a for a in v if not a.get("mentioned_in_passing")] for k, v in predicted.items()}
    documents = []
    for doc_id in sorted(gold):
        g, p = gold_pairs[doc_id], predicted.get(doc_id, [])
        matched = _match(g, p, index)
        documents.append({
            "id": doc_id,
            "found": doc_id in predicted,
            "missing": [a for a in g if all(a is not x for x, _ in matched)],
            "extra": [a for a in p if all(a is not y for _, y in matched)],
            "mismatches": [{"gold": x, "predicted": y,
                            "fields": [n for n in ATTRIBUTES + ("themes",) if
                                       (n == "themes" and set(x.get("themes") or []) != set(y.get("themes") or []))
                                       or (n != "themes" and not _attribute_equal(n, x, y))]}
                           for x, y in matched],
            "published_ok": gold[doc_id].get("published") == published.get(doc_id),
        })
    published_ok = sum(d["published_ok"] for d in documents if d["found"])
    return {
        "articles": len(gold), "articles_read": len(predicted), "terminated_scored": keep_terminated,
        "all": _score(gold_pairs, predicted, index), "own_event": _score(own, own_pred, index),
        "published_accuracy": round(published_ok / len(predicted), 4) if predicted else None,
        "documents": documents,
    }


def _pair_text(a: dict) -> str:
    return (f"{a['ua_party']} ({a.get('ua_oblast')}) — {a['partner']} [{a['partner_country']}] "
            f"{a['type']}/{a['status']} {a.get('date')}{' passing' if a.get('mentioned_in_passing') else ''}")


def format_report(report: dict) -> str:
    lines = [f"articles: {report['articles']} (read {report['articles_read']}); "
             f"terminated scored: {report['terminated_scored']}; published date accuracy: {report['published_accuracy']}"]
    for scope in ("all", "own_event"):
        block = report[scope]
        for name in ("pairs", "strict"):
            s = block[name]
            lines.append(f"{scope:9} {name:6} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
                         f"(tp {s['tp']}, gold {s['gold']}, predicted {s['predicted']})")
        acc = ", ".join(f"{k}={v}" for k, v in block["accuracy"].items())
        lines.append(f"{scope:9} accuracy over matched pairs: {acc}")
    for doc in report["documents"]:
        problems = [f"  missing {_pair_text(a)}" for a in doc["missing"]]
        problems += [f"  extra   {_pair_text(a)}" for a in doc["extra"]]
        problems += [f"  differs {', '.join(m['fields'])}: gold {_pair_text(m['gold'])} | got {_pair_text(m['predicted'])}"
                     for m in doc["mismatches"] if m["fields"]]
        if not doc["published_ok"]:
            problems.append("  published date differs")
        if problems:
            lines.append(doc["id"] + ("" if doc["found"] else " (not read)"))
            lines.extend(problems)
    return "\n".join(lines)


if __name__ == "__main__":
    import sys
    print(format_report(evaluate(sys.argv[1], sys.argv[2])))
