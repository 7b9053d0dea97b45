"""季度亮分表: each deputy's points quarter by quarter, grouped by station, posted in the deputies'
group and on the notice board (PDF) or kept as a workbook (.xlsx). No rank column: offices
post the points, deputies compare (reference/duty-points.md); the table is in the station's order of
names (pinyin).

    write_scoreboard(db, 2026, 3, "2026年第三季度亮分表.pdf", today=today)   # quarters 1–3 and the year so far
"""
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from gridoffice.db import Database
from gridoffice.services.common.excel_io import write_sheet

from .paper import Note, Paper, Signature, SubHeading, Subtitle, Table, Title, check_target, write
from .period import QUARTER_NAMES, Period, Scope
from .points import DeputyScore, Ranking, points_text, rank_deputies

QUARTER_SHORT = ("一季度", "二季度", "三季度", "四季度")


@dataclass(frozen=True)
class Scoreboard:
    year: int
    quarter: int                                   # the last quarter shown
    office: str
    ranking: Ranking                               # the whole year's scores (quarters inside)
    stations: list[tuple[str, list[DeputyScore]]]  # station → its deputies, by name

    @property
    def title(self) -> str:
        return f"{self.office}{self.year}年人大代表履职积分亮分表"

    @property
    def subtitle(self) -> str:
        upto = "全年" if self.quarter == 4 else f"第一季度至{QUARTER_NAMES[self.quarter - 1]}" if self.quarter > 1 \
            else "第一季度"
        return f"（{upto}）"

    @property
    def with_remarks(self) -> bool:
        """The 备注 column (minimums not met) once the year's last quarter is posted."""
        return self.quarter == 4

    def headers(self) -> list[str]:
        return ["序号", "代表", *QUARTER_SHORT[:self.quarter], "本年累计", *(["备注"] if self.with_remarks else [])]

    def row(self, number: int, score: DeputyScore) -> list[str]:
        so_far = sum(score.quarters[:self.quarter])
        remarks = [f"未达底线：{'、'.join(score.unmet)}" if score.unmet else ""] if self.with_remarks else []
        return [str(number), score.name, *(points_text(q) for q in score.quarters[:self.quarter]),
                points_text(so_far), *remarks]


def scoreboard(db: Database, year: int, quarter: int, *, today: dt.date, scope: Scope = Scope()) -> Scoreboard:
    from gridoffice.services.common.settings import read_office_name

    ranking = rank_deputies(db, Period.year(year), scope, today=today)
    groups: dict[str, list[DeputyScore]] = {}
    for score in sorted(ranking.scores, key=lambda s: (s.station == "", s.station)):
        groups.setdefault(score.station or "未进站的代表", []).append(score)
    names = {score.deputy_id: index for index, score in enumerate(ranking.scores)}
    stations = [(station, sorted(scores, key=lambda s: names[s.deputy_id])) for station, scores in groups.items()]
    return Scoreboard(year, quarter, read_office_name(db), ranking, _by_name(stations))


def _by_name(stations: list[tuple[str, list[DeputyScore]]]) -> list[tuple[str, list[DeputyScore]]]:
    from gridoffice.services.common.pinyin import pinyin_of

    return [(station, sorted(scores, key=lambda s: pinyin_of(s.name))) for station, scores in stations]


def scoreboard_paper(board: Scoreboard, today: dt.date) -> Paper:
    blocks: list = [Title(board.title), Subtitle(board.subtitle)]
    weights = [7, 14, *([11] * board.quarter), 13, *([40] if board.with_remarks else [])]
    numeric = tuple(range(2, 3 + board.quarter))
    for station, scores in board.stations:
        blocks.append(SubHeading(f"{station}（{len(scores)}名代表）"))
        blocks.append(Table(board.headers(), [board.row(i, s) for i, s in enumerate(scores, start=1)], weights,
                            numeric=numeric, centred=(0,), font_size=10, keep_together=len(scores) <= 30))
    blocks += [Note(f"各季度为该季度内履职得分与加减分之和（各项年度上限按时间先后累计），不含基础分"
                    f"（{points_text(board.ranking.rules['base'].points)}分）。按{board.ranking.rules.describe()}计分；"
                    "积分如有出入，请在公布后向联络站或人大工委反映。"),
               Signature(board.office, today, keep_with=2)]
    return Paper(f"{board.title}{board.subtitle}", blocks, footer=board.office, author=board.office)


def write_scoreboard(db: Database, year: int, quarter: int, path: Path | str, *, today: dt.date,
                     scope: Scope = Scope()) -> Path:
    """PDF (a table per station) or .xlsx (one sheet, a row per deputy with the station)."""
    path = check_target(path, (".pdf", ".xlsx"))
    board = scoreboard(db, year, quarter, today=today, scope=scope)
    if path.suffix.lower() == ".pdf":
        return write(scoreboard_paper(board, today), path)
    headers = ["联络站", *board.headers()[1:]]
    rows = []
    for station, scores in board.stations:
        for score in scores:
            cells = board.row(0, score)[1:]
            points = cells[1:2 + board.quarter]
            rows.append([station, cells[0], *(float(c) for c in points), *cells[2 + board.quarter:]])
    return write_sheet(path, title=f"{year}年亮分表", headers=headers, rows=rows,
                       column_widths=[26, 10, *([10] * board.quarter), 10, *([40] if board.with_remarks else [])])
