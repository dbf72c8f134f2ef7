"""Small evaluations for tests, written in the domain's own form (the YAML-shaped dict)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao.model import Evaluation


def indicator(level1: str, name: str, target: str, actual: str, weight: str | None,
              score: str | None, nature: str | None = None, reason: str = "") -> dict[str, Any]:
    row: dict[str, Any] = {"level1": level1, "level2": "数量指标", "name": name,
                           "target": target, "actual": actual, "deviation_reason": reason}
    row |= {key: value for key, value in
            (("weight", weight), ("stated_score", score), ("nature", nature)) if value is not None}
    return row


def full_marks_indicators() -> list[dict[str, Any]]:
    """Forty-five points of indicators at full marks: 产出 50 · 效益 30 · 满意度 10."""
    return [
        indicator("产出指标", "完成户数", "32户", "32户", "25", "25"),
        indicator("产出指标", "会议次数", "三次", "三次", "25", "25", nature="定性"),
        indicator("效益指标", "招商投资", "1000万元", "1100万元", "30", "30"),
        indicator("满意度指标", "群众满意度", "≥95%", "98%", "10", "10"),
    ]


def evaluation(**sections: Any) -> Evaluation:
    """A valid evaluation of 2023 with 附件2 filled at full marks, updated by ``sections``."""
    raw: dict[str, Any] = {
        "year": 2023,
        "unit": {"name": "示例单位"},
        "self_assessment": {
            "funds": {"initial_budget": "100.00", "full_year_budget": "100.00",
                      "actual": "100.00", "weight": "10", "stated_execution_rate": "100",
                      "stated_score": "10"},
            "indicators": full_marks_indicators(),
            "stated_total_weight": "100",
            "stated_total_score": "100",
        },
    }
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(raw.get(key), dict):
            raw[key] = raw[key] | value
        else:
            raw[key] = value
    return Evaluation.model_validate(raw)


def write_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF of ``objects`` (bodies of objects 1, 2, …; object 1 the catalogue) with its
    cross-reference table, written to ``path``."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path
