"""Deputies' photos: scaled down and stored beside the database, so a backup carries them.

A photo is stored once under a name made from its content, in
`db.attachments_dir/代表照片/` (on a district server, the folder is this PC's cache and the
photo goes into the database with the record that names it: gridoffice/db/attachments.py); Deputy.photo_file holds the path relative to the
attachments folder ("代表照片/3f2a….jpg").
"""
import hashlib
import io
import warnings
from pathlib import Path

from typing import TYPE_CHECKING

from PIL import Image, ImageOps, UnidentifiedImageError

from gridoffice.services.common.files import atomic_output

if TYPE_CHECKING:
    from gridoffice.db import Database

PHOTO_FOLDER = "代表照片"
MAX_PIXELS = (480, 640)          # plenty for a 35 x 45 mm card at 300 dpi
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png"}
JPEG_QUALITY = 85


class PhotoError(ValueError):
    """The chosen file cannot be used as a photo (message in Chinese)."""


def store_photo(attachments: Path, source: Path | str) -> str:
    """Scale the photo down, store it as JPEG; returns the path relative to the attachments folder."""
    source = Path(source)
    data = _scaled_jpeg(source)
    name = f"{PHOTO_FOLDER}/{hashlib.sha1(data).hexdigest()[:16]}.jpg"
    target = attachments / name
    if not target.exists():
        with atomic_output(target) as temporary:
            temporary.write_bytes(data)
    return name


def _scaled_jpeg(source: Path) -> bytes:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as image:
                if image.format not in ACCEPTED_FORMATS:
                    raise PhotoError(f"“{source.name}”不是 JPG 或 PNG 图片。")
                image = ImageOps.exif_transpose(image)
                image.thumbnail(MAX_PIXELS)
                image = _on_white(image)
                buffer = io.BytesIO()
                image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
                return buffer.getvalue()
    except FileNotFoundError:
        raise PhotoError(f"找不到照片文件“{source}”。") from None
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError,
            SyntaxError) as error:
        raise PhotoError(f"“{source.name}”无法作为照片读取（{type(error).__name__}），请换一张 JPG 或 PNG 图片。") from error


def _on_white(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: a transparent PNG is laid on white."""
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def photo_path(attachments: Path, photo_file: str) -> Path | None:
    """The stored photo's full path, or None when there is none (or its file went missing)."""
    if not photo_file:
        return None
    path = attachments / photo_file
    return path if path.is_file() else None


def remove_photo_if_unused(db: "Database", photo_file: str, still_used: bool) -> None:
    if photo_file and not still_used:
        db.remove_attachment(photo_file)   # a file open in a viewer (Windows refuses) stays: it harms nothing
