"""Attachments of suggestions and photos of projects: copied beside the database, following
the transaction (a copy goes again if the transaction rolls back; a removed file is deleted only
once the removal is committed)."""
import shutil
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import event
from sqlmodel import Session

from gridoffice.domain.outcome_rules import OutcomeInputError

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".heic"}
DOCUMENT_SUFFIXES = {".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".txt", ".ofd"} | PHOTO_SUFFIXES
MAX_BYTES = 30 * 1024 * 1024


def check_file(path: Path, field: str, *, photos_only: bool) -> None:
    allowed = PHOTO_SUFFIXES if photos_only else DOCUMENT_SUFFIXES
    if not path.is_file():
        raise OutcomeInputError(field, f"找不到文件“{path}”。")
    if path.suffix.lower() not in allowed:
        what = "照片（可用 jpg、png、bmp、gif、webp、heic）" if photos_only else "可用的附件（文档、表格、PDF 或照片）"
        raise OutcomeInputError(field, f"“{path.name}”不是{what}。")
    if path.stat().st_size > MAX_BYTES:
        raise OutcomeInputError(field, f"“{path.name}”超过 30 MB，请先压缩后再添加。")


class FilesOfTransaction:
    def __init__(self, session: Session):
        self._copied: list[Path] = []
        self._doomed: list[Path] = []
        event.listen(session, "after_commit", self._committed, once=True)
        event.listen(session, "after_rollback", self._rolled_back, once=True)

    def copy_in(self, attachments: Path, source: Path, folder: str, stem: str, field: str) -> str:
        """Copy `source` to <attachments>/<folder>/<stem>-N<suffix>; returns the relative path."""
        target_folder = attachments / folder
        target_folder.mkdir(parents=True, exist_ok=True)
        number = 1
        while (target := target_folder / f"{stem}-{number}{source.suffix.lower()}").exists():
            number += 1
        try:
            shutil.copyfile(source, target)
        except OSError as error:
            raise OutcomeInputError(field, f"复制文件“{source.name}”失败：{error.strerror or error}。") from error
        self._copied.append(target)
        return f"{folder}/{target.name}"

    def delete_on_commit(self, attachments: Path, relative: str) -> None:
        self._doomed.append(attachments / relative)

    def _committed(self, _session) -> None:
        _unlink_all(self._doomed)
        self._copied, self._doomed = [], []

    def _rolled_back(self, _session) -> None:
        _unlink_all(self._copied)
        self._copied, self._doomed = [], []


def _unlink_all(paths: Iterable[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:   # open in a viewer on Windows: leave it, the record is what counts
            pass
