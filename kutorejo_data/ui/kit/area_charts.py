"""The offline area view: a treemap of RWs and their RTs, sized by households, coloured by one measure."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from kutorejo_data.core.formatting import fmt_int, format_value
from kutorejo_data.core.i18n import t
from kutorejo_data.core.metric import Metric

from .activity_charts import SCORE_SCALE
from .cards import clean
from .charts import figure

NO_DATA_COLOR = "#d9d9d9"
# Open reports per 100 households at which a tile takes the full "needs attention" colour.
PER_100_KK_CEILING = 20.0
ROOT_ID = "kelurahan"


def unit_code(rw: str, rt: str | None) -> str:
    """The id of a tile (and of the area it opens): `03` for an RW, `03/002` for an RT."""
    return f"{rw}/{rt}" if rt else rw


def _scaled(metric: Metric, values: list[float | None]) -> list[float | None]:
    """Values on a 0–1 colour scale where 1 is always "good": shares and scores as they are, per-100-KK against a
    fixed ceiling (so a colour means the same in every RW); reversed when lower is better."""
    if metric.unit == "percent":
        scaled = list(values)
    elif metric.unit == "score":
        scaled = [None if v is None else v / 100 for v in values]
    else:
        scaled = [None if v is None else v / PER_100_KK_CEILING for v in values]
    return [None if v is None else min(1.0, max(0.0, v if metric.higher_is_better else 1 - v)) for v in scaled]


def _colors(metric: Metric, values: list[float | None]) -> list[str]:
    scaled = _scaled(metric, values)
    known = [v for v in scaled if v is not None]
    sampled = iter(sample_colorscale(SCORE_SCALE, known) if known else [])
    return [NO_DATA_COLOR if v is None else next(sampled) for v in scaled]


def area_treemap(rws: pd.DataFrame, rts: pd.DataFrame, metric: Metric, root_label: str, lang: str) -> go.Figure:
    """RWs containing their RTs; tile size = households (1 when unknown), colour = the measure, grey = no data.

    `rws` and `rts` are area_view.area_measures frames; an RW tile takes its own (RW-level) value.
    """
    rt_sizes = [max(1, int(kk)) if clean(kk) else 1 for kk in rts["jumlah_kk"]]
    rw_numbers = list(dict.fromkeys([*rws["rw"], *rts["rw"]]))
    rw_values = dict(zip(rws["rw"], (clean(v) for v in rws[metric.key]), strict=True))
    rw_sizes = {rw: sum(s for s, r in zip(rt_sizes, rts["rw"], strict=True) if r == rw) or 1 for rw in rw_numbers}
    ids = [ROOT_ID, *rw_numbers, *(unit_code(rw, rt) for rw, rt in zip(rts["rw"], rts["rt"], strict=True))]
    labels = [root_label, *(f"RW {rw}" for rw in rw_numbers), *(f"RT {rt}" for rt in rts["rt"])]
    parents = ["", *([ROOT_ID] * len(rw_numbers)), *rts["rw"]]
    sizes = [sum(rw_sizes.values()), *(rw_sizes[rw] for rw in rw_numbers), *rt_sizes]
    values = [None, *(rw_values.get(rw) for rw in rw_numbers), *(clean(v) for v in rts[metric.key])]
    colors = ["#ffffff", *_colors(metric, values[1:])]
    shown = ["" if i == 0 else format_value(metric, v, lang) for i, v in enumerate(values)]
    households = [fmt_int(s, lang) for s in sizes]
    treemap = {
        "type": "treemap",
        "ids": ids,
        "labels": labels,
        "parents": parents,
        "values": sizes,
        "branchvalues": "total",
        "customdata": list(zip(ids, shown, households, strict=True)),
        "marker": {"colors": colors, "line": {"width": 2, "color": "#ffffff"}},
        "texttemplate": "<b>%{label}</b><br>%{customdata[1]}",
        "textfont": {"size": 15},
        "pathbar": {"visible": True, "textfont": {"size": 14}},  # the way back after zooming into an RW
        "hovertemplate": f"<b>%{{label}}</b><br>{metric.label(lang)}: %{{customdata[1]}}<br>"
        f"{t('wilayah.households', lang)}: %{{customdata[2]}}<extra></extra>",
        "maxdepth": 3,
    }
    return figure([treemap], lang, 560, hovermode="closest")
