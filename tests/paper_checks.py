"""What every paper is checked for, read back with pypdf: its text page by page, no opening bracket
left at a line end, no full mobile number on a paper that is posted or handed out, every page
numbered (within its group where pages are posted separately)."""
import re
from pathlib import Path

from pypdf import PdfReader

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
OPENING = ("（", "(", "“", "《", "【", "〔")
PAGE_NUMBER = re.compile(r"第 (\d+) 页，共 (\d+) 页")
ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")


def pdf_pages(path: Path) -> list[str]:
    """Each page's text without white space (line breaks fall anywhere in Chinese text)."""
    return [re.sub(r"\s", "", page.extract_text()) for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    """The whole text as extracted, line breaks kept."""
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def pdf_lines(path: Path) -> list[str]:
    return [line.strip() for page in PdfReader(path).pages for line in page.extract_text().splitlines()
            if line.strip()]


def assert_no_bracket_at_line_end(path: Path) -> None:
    assert not [line for line in pdf_lines(path) if line.endswith(OPENING)]


def assert_no_full_mobile(path: Path, allowed: tuple[str, ...] = ()) -> None:
    """No mobile number in full, but those `allowed` (a deputy's, with consent, on the board)."""
    found = set(MOBILE.findall("".join(pdf_pages(path)))) - set(allowed)
    assert not found, found


def assert_posted_paper(path: Path, allowed_mobiles: tuple[str, ...] = ()) -> None:
    """What every paper for the wall must be: no opening bracket at a line end, no full mobile number."""
    assert_no_bracket_at_line_end(path)
    assert_no_full_mobile(path, allowed_mobiles)


def page_numbers(path: Path) -> list[tuple[int, int]]:
    """(n, m) of '第 n 页，共 m 页' on each page, in order; fails when a page has none."""
    numbers = []
    for index, page in enumerate(PdfReader(path).pages, start=1):
        found = PAGE_NUMBER.findall(page.extract_text())
        assert found, f"page {index} has no page number"
        numbers.append(tuple(int(x) for x in found[-1]))
    return numbers


def assert_numbered(path: Path) -> None:
    """Every page numbered 第 n 页，共 m 页 over the whole paper."""
    numbers = page_numbers(path)
    assert numbers == [(n, len(numbers)) for n in range(1, len(numbers) + 1)]


def font_names(path: Path) -> set[str]:
    """The fonts a PDF uses, without their subset prefix: NotoSerifSC, NotoSerifSC-Bold, LXGWWenKai…"""
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(re.sub(r"^[A-Z]{6}\+", "", str(font.get_object()["/BaseFont"]).lstrip("/")))
    return names
