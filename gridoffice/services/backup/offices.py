"""Moving an office between a single PC and a district's server.

    export_office(db, Path("东城街道.gobak"), now=…)    # the database as a verified single-PC backup
    import_office(db, Path("东城街道.gobak"))           # a street's single-PC office merged into this one

Export: the rows of every table and the attachments (from the server's blob table) are copied into
a new SQLite file, which is then written as an ordinary verified .gobak backup: the street can
restore it on a PC (文件 → 从备份恢复) and work on its own. A district database holds the streets'
records together (the schema has no street column): the export takes all of it.

Import: the backup is verified and unpacked first, then merged in ONE transaction: every record gets
a new id on the server and every reference follows it; what the district already has is used, not
doubled, and reported — a station, community, department, category or campaign of the same name,
a grid of the same code, a deputy of the same name and mobile, a setting or holiday the server has.
Serial numbers taken in the district already are renumbered (2026-0042 → 2026-0317) and reported.
Imported attachments go under 街道导入/<office>/ so they never take another file's name. Any
failure leaves the district database as it was.
"""
import datetime as dt
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Table, and_, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert

from gridoffice.db import Database, audit
from gridoffice.db.attachments import ATTACHMENT_COLUMNS, BLOBS
from gridoffice.db.serials import next_number
from gridoffice.domain import metadata
from gridoffice.paths import attachments_dir

from gridoffice.services.backup.create import BackupResult, create_backup
from gridoffice.services.backup.verify import verify_backup

NOT_MOVED = {"audit_log", "serial_counter", "attachment_blob"}   # history and bookkeeping of the server itself
IMPORT_FOLDER = "街道导入"
BATCH = 2_000
# records whose serial numbers count per office: renumbered when the district has the number already
SERIALS = {"opinion": ("", "opinion", 4), "suggestion": ("JY", "JY", 3), "dispute": ("TJ", "TJ", 3)}
# what makes a row "the same" as one the district has (besides unique columns)
SAME_PERSON = {"deputy": ("name", "mobile")}
# lists every office starts with (categories, 九必访 events, duty kinds): the district's entry of the same
# name is used without a word, as it is no news that both have "网格巡查"
STANDARD_LISTS = {"opinion_category", "household_category", "outcome_kind", "duty_kind", "must_visit_rule"}
TABLE_LABELS = {"station": "联络站", "community": "社区/村", "grid": "网格", "department": "职能部门", "deputy": "代表",
                "opinion_category": "意见分类", "household_category": "重点户类别", "campaign": "主题活动",
                "outcome_kind": "成果类别", "reception_rule": "接待规则", "setting": "设置", "holiday_override": "节假日调整",
                "opinion": "民情意见", "suggestion": "代表建议", "dispute": "调解纠纷"}


class OfficeTransferError(Exception):
    """Said in Chinese; nothing was changed."""


# --- export ----------------------------------------------------------------------------------
def export_office(db: Database, target: Path, *, now: dt.datetime, password: str | None = None) -> BackupResult:
    """The whole database and its attachments as a verified single-PC backup file `target`."""
    target = Path(target)
    if not target.parent.is_dir():
        raise OfficeTransferError(f"找不到文件夹“{target.parent}”，没有导出。")
    if not db.is_server:
        return create_backup(db.path, target.parent, now=now, password=password, file_name=target.name)
    with tempfile.TemporaryDirectory(prefix="gridoffice-导出 ") as folder:
        snapshot = Path(folder) / "街道办公室.sqlite"
        with Database.open(snapshot, lock=False) as single:
            with db.engine.connect() as source, single.engine.begin() as copy:
                for table in metadata.sorted_tables:
                    if table.name == "attachment_blob":
                        continue
                    rows = source.execute(select(table)).mappings()
                    while batch := [dict(row) for row in rows.fetchmany(BATCH)]:
                        copy.execute(table.insert(), batch)
                files = attachments_dir(snapshot)
                for path, data in source.execute(select(BLOBS.c.path, BLOBS.c.data)):
                    (files / path).parent.mkdir(parents=True, exist_ok=True)
                    (files / path).write_bytes(data)
        return create_backup(snapshot, target.parent, now=now, password=password, file_name=target.name)


# --- import ----------------------------------------------------------------------------------
@dataclass
class OfficeImport:
    office_name: str
    added: Counter = field(default_factory=Counter)       # rows added per table
    duplicates: list[str] = field(default_factory=list)   # what the district had already (used, not doubled)
    renumbered: list[str] = field(default_factory=list)   # serial numbers changed
    attachments: int = 0

    def describe(self) -> str:
        lines = [f"已合并街道办公室“{self.office_name}”：共新增 {sum(self.added.values())} 条记录，附件 {self.attachments} 个。"]
        lines += [f"  {TABLE_LABELS.get(name, name)}：新增 {count}" for name, count in self.added.items()
                  if name in TABLE_LABELS]
        if self.duplicates:
            lines.append(f"区库中已有、沿用原记录的 {len(self.duplicates)} 项：")
            lines += [f"  {line}" for line in self.duplicates]
        if self.renumbered:
            lines.append(f"编号已被区库占用、已改号的 {len(self.renumbered)} 项：")
            lines += [f"  {line}" for line in self.renumbered]
        return "\n".join(lines)


def import_office(db: Database, source: Path, *, password: str | None = None) -> OfficeImport:
    """Merge a street's single-PC backup into `db`, all or nothing (see the module's description)."""
    with tempfile.TemporaryDirectory(prefix="gridoffice-合并 ") as folder:
        snapshot, files = Path(folder) / "街道办公室.sqlite", Path(folder) / "附件"
        verify_backup(Path(source), password, database_to=snapshot, attachments_to=files)
        with Database.open(snapshot, lock=False) as street:   # an older backup is upgraded here
            with street.engine.connect() as connection:
                name = connection.execute(select(metadata.tables["setting"].c.value)
                                          .where(metadata.tables["setting"].c.key == "office_name")).scalar()
            merge = _Merge(db, street, files, name or Path(source).stem)
            return merge.run()


class _Merge:
    def __init__(self, db: Database, street: Database, files: Path, office_name: str):
        self.db, self.street, self.files = db, street, files
        self.report = OfficeImport(office_name)
        self.tag = re.sub(r'[\\/:*?"<>|\s]+', "_", office_name)[:40]
        self.ids: dict[str, dict] = {}      # table → {street id: district id}
        self.new_ids: dict[str, set] = {}   # table → district ids inserted by this import
        self.copied: list[Path] = []

    def run(self) -> OfficeImport:
        try:
            with self.db.session() as session, self.street.engine.connect() as source:
                connection = session.connection()
                for table in metadata.sorted_tables:
                    if table.name not in NOT_MOVED:
                        self._table(session, connection, source, table)
                self._attachments(connection)
        except BaseException:
            for path in self.copied:   # files copied beside a single-PC database go again
                path.unlink(missing_ok=True)
            raise
        return self.report

    # --- one table ---------------------------------------------------------------------------
    def _table(self, session, connection, source, table: Table) -> None:
        rows = [dict(row) for row in source.execute(select(table).order_by(*table.primary_key)).mappings()]
        if not rows:
            return
        for row in rows:
            self._follow_references(table, row)
            column = ATTACHMENT_COLUMNS.get(table.name, (None,))[0]
            if column and row.get(column):
                row[column] = f"{IMPORT_FOLDER}/{self.tag}/{row[column]}"
        fresh = self._drop_the_known(connection, table, rows)
        if not fresh:
            return
        if table.name in SERIALS:
            self._renumber(session, connection, table, fresh)
        has_id = "id" in table.c and table.c.id.primary_key
        mapping = self.ids.setdefault(table.name, {})
        if has_id:
            old_ids = [row.pop("id") for row in fresh]
            for start in range(0, len(fresh), BATCH):
                new_ids = connection.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True),
                                             fresh[start:start + BATCH]).scalars().all()
                mapping.update(zip(old_ids[start:start + BATCH], new_ids))
                self.new_ids.setdefault(table.name, set()).update(new_ids)
        else:
            for start in range(0, len(fresh), BATCH):
                connection.execute(table.insert(), fresh[start:start + BATCH])
        self.report.added[table.name] += len(fresh)
        audit.write_bulk_note(session, table.name, "insert",
                              {"来源": f"合并街道办公室“{self.report.office_name}”", "行数": len(fresh)})

    def _follow_references(self, table: Table, row: dict) -> None:
        for key in table.foreign_keys:
            column = key.parent.name
            if row.get(column) is not None:
                row[column] = self.ids[key.column.table.name][row[column]]

    def _drop_the_known(self, connection, table: Table, rows: list[dict]) -> list[dict]:
        """The rows the district does not have yet; the others are mapped to the district's and reported."""
        keys = [tuple(c.name for c in constraint.columns) for constraint in table.constraints
                if constraint.__class__.__name__ == "UniqueConstraint"]
        keys += [(c.name,) for c in table.columns if c.unique and (c.name,) not in keys]
        keys += [SAME_PERSON[table.name]] if table.name in SAME_PERSON else []
        keys = [key for key in keys if not (table.name in SERIALS and key == ("serial",))]
        has_id = "id" in table.c and table.c.id.primary_key
        natural = not has_id   # a link row or a keyed row (setting, holiday): the primary key says it all
        known = {key: self._existing(connection, table, key) for key in keys} if has_id else {}
        fresh = []
        for row in rows:
            match = next(((key, known[key][value]) for key in known
                          if all(row.get(c) not in (None, "") for c in key)
                          and (value := tuple(row[c] for c in key)) in known[key]), None)
            if match is not None and has_id:
                self.ids.setdefault(table.name, {})[row["id"]] = match[1]
                if table.name not in STANDARD_LISTS:
                    self._say_known(table, match[0], row)
            elif natural and self._link_exists(connection, table, row):
                if table.name in TABLE_LABELS:
                    self._say_known(table, tuple(c.name for c in table.primary_key), row)
            else:
                fresh.append(row)
        return fresh

    def _existing(self, connection, table: Table, key: tuple[str, ...]) -> dict:
        columns = [table.c[name] for name in key]
        result = {}
        for row in connection.execute(select(table.c.id, *columns)):
            result[tuple(row[1:])] = row[0]
        return result

    def _link_exists(self, connection, table: Table, row: dict) -> bool:
        """Only rows whose every referenced record was there before can exist already."""
        for key in table.foreign_keys:
            value = row.get(key.parent.name)
            if value is not None and value in self.new_ids.get(key.column.table.name, ()):
                return False
        condition = and_(*(column == row[column.name] for column in table.primary_key))
        return connection.execute(select(func.count()).select_from(table).where(condition)).scalar() > 0

    def _say_known(self, table: Table, key: tuple[str, ...], row: dict) -> None:
        what = "、".join(str(row[c]) for c in key)
        self.report.duplicates.append(f"{TABLE_LABELS.get(table.name, table.name)}“{what}”")

    def _renumber(self, session, connection, table: Table, rows: list[dict]) -> None:
        prefix, kind, digits = SERIALS[table.name]
        taken = set(connection.execute(select(table.c.serial)).scalars())
        for row in rows:
            if row["serial"] not in taken:
                continue
            match = re.fullmatch(rf"{prefix}(\d{{4}})-(\d+)", row["serial"])
            if match is None:   # not a number this program gave: kept recognisable, made unique
                new = f"{row['serial'][:14]}-合并{len(taken) % 1000}"
                self.report.renumbered.append(f"{TABLE_LABELS[table.name]} {row['serial']} → {new}")
                row["serial"] = new
                taken.add(new)
                continue
            year = int(match[1])
            highest = max((int(s.rsplit("-", 1)[1]) for s in taken
                           if s.startswith(f"{prefix}{year}-") and s.rsplit("-", 1)[1].isdigit()), default=0)
            new = f"{prefix}{year}-{next_number(session, kind, year, highest):0{digits}d}"
            self.report.renumbered.append(f"{TABLE_LABELS[table.name]} {row['serial']} → {new}")
            row["serial"] = new
            taken.add(new)

    # --- attachments -------------------------------------------------------------------------
    def _attachments(self, connection) -> None:
        if not self.files.is_dir():
            return
        for source in sorted(path for path in self.files.rglob("*") if path.is_file()):
            relative = f"{IMPORT_FOLDER}/{self.tag}/{source.relative_to(self.files).as_posix()}"
            if self.db.is_server:
                data = source.read_bytes()
                connection.execute(postgresql_insert(BLOBS).values(path=relative, data=data, size=len(data))
                                   .on_conflict_do_nothing(index_elements=["path"]))
            else:
                target = self.db.attachments_dir / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.exists():
                    shutil.copyfile(source, target)
                    self.copied.append(target)
            self.report.attachments += 1

