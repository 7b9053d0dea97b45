"""The .gobak container: one file with the database snapshot, the attachments and a manifest.

    MAGIC (8) | u32 header length | header JSON | SHA-256 of the header JSON
    payload, one AES-GCM stream when a password is set (the header is its associated data):
        record: u16 name length | name (UTF-8) | u64 size | data | SHA-256 of the data
        "database.sqlite", then "attachments/<relative path>"…, then "manifest.json" last
    GCM tag (16 bytes, only with a password)
    END_MAGIC (8) | u64 length of everything before the end marker

Every byte is covered: the header by its hash, each record by its own hash, the list of
records by the manifest, a cut-off file by the end marker, an encrypted payload by the GCM
tag. A password check value (derived with the key) tells a wrong password from a damaged file
before anything is decrypted. Nothing is compressed: photos are compressed already, and a
plain layout is fast to write and to check.
"""
import hashlib
import json
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from gridoffice.db.engine import APPLICATION_ID

MAGIC = b"GOBAK\r\n\x1a"      # \r\n and \x1a reveal a transfer in text mode, as in PNG
END_MAGIC = b"GOBAKEND"
FORMAT_VERSION = 1
SQLITE_MAGIC = b"SQLite format 3\x00"
DATABASE_PART = "database.sqlite"
ATTACHMENTS_PREFIX = "attachments/"
MANIFEST_PART = "manifest.json"
CHUNK = 1 << 20
HASH_SIZE = 32
TAG_SIZE = 16
END_SIZE = len(END_MAGIC) + 8
MAX_HEADER = 64 * 1024
MAX_NAME = 4096

# scrypt: 32 MiB of memory and ~0.1 s per try on an office PC; bounds refuse a doctored header
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1
SCRYPT_MAX_N, SCRYPT_MAX_R, SCRYPT_MAX_P = 2 ** 20, 16, 4

Progress = Callable[[int, int], None]


class BackupFileError(Exception):
    """A file refused as a backup. `kind` says why (for tests and exit codes); str() is Chinese."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def corrupt(detail: str) -> BackupFileError:
    return BackupFileError("corrupt", f"备份文件已损坏（{detail}），不能使用。请换用另一份备份。")


@dataclass(frozen=True)
class Part:
    name: str
    size: int
    sha256: str


@dataclass
class Manifest:
    """What a backup holds; shown before a restore."""
    app_version: str
    schema_revision: str
    user_version: int
    created_at: str                 # local time, ISO format, seconds
    office_name: str
    computer: str
    source_file: str
    row_counts: dict[str, int]
    parts: list[Part] = field(default_factory=list)
    encrypted: bool = False
    format: int = FORMAT_VERSION

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> "Manifest":
        try:
            values = json.loads(data.decode("utf-8"))
            values["parts"] = [Part(**part) for part in values["parts"]]
            return cls(**values)
        except (ValueError, TypeError, KeyError) as error:
            raise corrupt("清单无法读取") from error

    @property
    def database_part(self) -> Part:
        return next(part for part in self.parts if part.name == DATABASE_PART)

    @property
    def attachment_parts(self) -> list[Part]:
        return [part for part in self.parts if part.name.startswith(ATTACHMENTS_PREFIX)]


# --- keys -------------------------------------------------------------------------------
def derive_key(password: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P
               ) -> tuple[bytes, bytes]:
    """(AES-256 key, password check value) from the password."""
    material = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                              maxmem=256 * r * n * p + (1 << 20), dklen=48)
    return material[:32], material[32:]


# --- writing ----------------------------------------------------------------------------
class ContainerWriter:
    """Writes records to an open binary file; `finish(manifest)` ends the container."""

    def __init__(self, raw: BinaryIO, password: str | None = None, progress: Callable[[int], None] | None = None):
        self._raw = raw
        self._progress = progress
        self._written = 0
        self._encryptor = None
        header = {"format": FORMAT_VERSION, "encrypted": bool(password)}
        if password:
            salt, nonce = os.urandom(16), os.urandom(12)
            key, check = derive_key(password, salt)
            header.update(kdf="scrypt", salt=salt.hex(), n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                          nonce=nonce.hex(), check=check.hex())
        header_bytes = json.dumps(header).encode("utf-8")
        self._put(MAGIC + struct.pack("<I", len(header_bytes)) + header_bytes + hashlib.sha256(header_bytes).digest())
        if password:
            self._encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
            self._encryptor.authenticate_additional_data(header_bytes)

    def _put(self, data: bytes | memoryview) -> None:
        self._raw.write(data)
        self._written += len(data)
        if self._progress:
            self._progress(self._written)

    def _payload(self, data: bytes | memoryview) -> None:
        self._put(self._encryptor.update(data) if self._encryptor else data)

    def add(self, name: str, data: bytes) -> Part:
        encoded = name.encode("utf-8")
        self._payload(struct.pack("<H", len(encoded)) + encoded + struct.pack("<Q", len(data)))
        digest = hashlib.sha256(data)
        view = memoryview(data)
        for start in range(0, len(data), CHUNK):
            self._payload(view[start:start + CHUNK])
        self._payload(digest.digest())
        return Part(name, len(data), digest.hexdigest())

    def finish(self, manifest: Manifest) -> None:
        self.add(MANIFEST_PART, manifest.to_json())
        if self._encryptor:
            self._encryptor.finalize()
            self._put(self._encryptor.tag)
        self._put(END_MAGIC + struct.pack("<Q", self._written))


# --- reading ----------------------------------------------------------------------------
@dataclass
class Header:
    encrypted: bool
    raw: bytes            # the header JSON as stored (associated data of the GCM stream)
    values: dict
    payload_start: int
    payload_end: int      # offset after the last payload byte (before the tag and end marker)


def refuse_unknown_file(head: bytes, size: int) -> BackupFileError:
    """Why a file that does not start with MAGIC is not a backup (`head`: its first 100 bytes)."""
    if size == 0:
        return BackupFileError("empty", "文件是空的（0 字节），不是备份文件。可能复制时出了错，请换用另一份备份。")
    if MAGIC.startswith(head):
        return BackupFileError("truncated", "备份文件不完整（只有开头几个字节），可能复制时中断了，不能使用。")
    if head.startswith(SQLITE_MAGIC):
        if head[68:72] == APPLICATION_ID.to_bytes(4, "big"):
            return BackupFileError("sqlite", "这是 gridoffice 的数据库文件本身，不是备份文件（.gobak）。请选择备份文件。")
        return BackupFileError("sqlite", "这是其他程序的 SQLite 数据库文件，不是 gridoffice 备份文件（.gobak），不能用于恢复。")
    return BackupFileError("not_backup", "这不是 gridoffice 备份文件（.gobak），无法用于恢复。")


def read_header(handle: BinaryIO, size: int) -> Header:
    head = handle.read(len(MAGIC))
    if head != MAGIC:
        raise refuse_unknown_file(head + handle.read(92), size)
    length_bytes = handle.read(4)
    if len(length_bytes) < 4:
        raise BackupFileError("truncated", "备份文件不完整（文件头被截断），可能复制时中断了，不能使用。")
    (length,) = struct.unpack("<I", length_bytes)
    if length > MAX_HEADER:
        raise corrupt("文件头长度不对")
    raw = handle.read(length)
    digest = handle.read(HASH_SIZE)
    if len(raw) < length or len(digest) < HASH_SIZE:
        raise BackupFileError("truncated", "备份文件不完整（文件头被截断），可能复制时中断了，不能使用。")
    if hashlib.sha256(raw).digest() != digest:
        raise corrupt("文件头校验值不符")
    try:
        values = json.loads(raw.decode("utf-8"))
    except ValueError as error:
        raise corrupt("文件头无法读取") from error
    if values.get("format", 0) > FORMAT_VERSION:
        raise BackupFileError("newer_format", "这个备份由更新版本的 gridoffice 制作，使用了本程序不认识的格式。请先升级程序。")
    encrypted = bool(values.get("encrypted"))
    handle.seek(size - END_SIZE)
    end = handle.read(END_SIZE)
    if len(end) < END_SIZE or end[:len(END_MAGIC)] != END_MAGIC:
        raise BackupFileError("truncated", "备份文件不完整（缺少结尾），可能复制时中断或U盘被提前拔出，不能使用。")
    if struct.unpack("<Q", end[len(END_MAGIC):])[0] != size - END_SIZE:
        raise corrupt("文件长度与记录不符")
    payload_start = len(MAGIC) + 4 + length + HASH_SIZE
    payload_end = size - END_SIZE - (TAG_SIZE if encrypted else 0)
    if payload_end < payload_start:
        raise corrupt("长度不对")
    handle.seek(payload_start)
    return Header(encrypted, raw, values, payload_start, payload_end)


def open_decryptor(header: Header, password: str | None):
    """The GCM decryptor for an encrypted payload; refuses a missing or wrong password."""
    if not password:
        raise BackupFileError("password_needed", "这个备份设有密码，请输入密码。")
    values = header.values
    try:
        n, r, p = int(values["n"]), int(values["r"]), int(values["p"])
        salt, nonce, check = (bytes.fromhex(values[key]) for key in ("salt", "nonce", "check"))
    except (KeyError, ValueError, TypeError) as error:
        raise corrupt("加密参数不全") from error
    if values.get("kdf") != "scrypt" or not (n <= SCRYPT_MAX_N and r <= SCRYPT_MAX_R and p <= SCRYPT_MAX_P):
        raise corrupt("加密参数不对")
    key, expected = derive_key(password, salt, n, r, p)
    if expected != check:
        raise BackupFileError("wrong_password", "密码错误：这个备份设置的密码与输入的不同。请检查大小写和输入法后重试。")
    decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).decryptor()
    decryptor.authenticate_additional_data(header.raw)
    return decryptor


class PayloadReader:
    """Reads the payload in order, decrypting when needed, never past its end."""

    def __init__(self, handle: BinaryIO, header: Header, decryptor, progress: Progress | None = None):
        self._handle = handle
        self._decryptor = decryptor
        self._left = header.payload_end - header.payload_start
        self._total = header.payload_end
        self._progress = progress
        self._buffer = b""
        self._pos = 0

    def _fill(self) -> bool:
        if self._left == 0:
            return False
        data = self._handle.read(min(CHUNK, self._left))
        if not data:
            raise BackupFileError("truncated", "备份文件在读取时变短了，可能U盘被拔出。")
        self._left -= len(data)
        self._buffer = self._decryptor.update(data) if self._decryptor else data
        self._pos = 0
        if self._progress:
            self._progress(self._total - self._left, self._total)
        return True

    def chunks(self, size: int) -> Iterator[bytes]:
        """Exactly `size` bytes, in pieces; a payload that ends early is damaged."""
        while size > 0:
            if self._pos >= len(self._buffer) and not self._fill():
                raise corrupt("内容在记录中间结束")
            piece = self._buffer[self._pos:self._pos + size]
            self._pos += len(piece)
            size -= len(piece)
            yield piece

    def read_exact(self, size: int) -> bytes:
        return b"".join(self.chunks(size))

    def at_end(self) -> bool:
        return self._pos >= len(self._buffer) and self._left == 0

    def finish(self, handle: BinaryIO) -> None:
        """Check the GCM tag once the whole payload was read."""
        if not self._decryptor:
            return
        tag = handle.read(TAG_SIZE)
        try:
            self._decryptor.finalize_with_tag(tag)
        except (InvalidTag, ValueError) as error:
            raise corrupt("解密校验失败，内容被改动过") from error


Sink = Callable[[bytes], None]


def read_records(reader: PayloadReader, sink_for: Callable[[str, int], Sink | None]) -> tuple[list[Part], bytes]:
    """Stream every record to `sink_for(name, size)`; returns the parts and the manifest bytes.

    Each record's hash is checked as it ends; a record after the manifest, or none, is damage.
    """
    parts: list[Part] = []
    while not reader.at_end():
        (name_length,) = struct.unpack("<H", reader.read_exact(2))
        if not 0 < name_length <= MAX_NAME:
            raise corrupt("记录名长度不对")
        try:
            name = reader.read_exact(name_length).decode("utf-8")
        except UnicodeDecodeError as error:
            raise corrupt("记录名无法读取") from error
        (size,) = struct.unpack("<Q", reader.read_exact(8))
        is_manifest = name == MANIFEST_PART
        sink = None if is_manifest else sink_for(name, size)
        digest = hashlib.sha256()
        kept = []
        for piece in reader.chunks(size):
            digest.update(piece)
            if is_manifest:
                kept.append(piece)
            elif sink:
                sink(piece)
        if reader.read_exact(HASH_SIZE) != digest.digest():
            raise corrupt(f"“{name}”的校验值不符")
        if is_manifest:
            if not reader.at_end():
                raise corrupt("清单之后还有多余内容")
            return parts, b"".join(kept)
        parts.append(Part(name, size, digest.hexdigest()))
    raise corrupt("缺少清单")
