"""ReportLab's paragraph module is loaded with its URL pattern compiled on first use
(gridoffice.services.common.reportlab_import): papers come out the same, the pattern still works
when ReportLab uses it, and nothing else of `re` is changed."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# a fresh interpreter: the test process may have loaded ReportLab before gridoffice.services
PROBE = """
import re
usual_compile = re.compile
import gridoffice.services
from reportlab.platypus import paragraph
print(type(paragraph.uri_pat).__name__)                      # not compiled by the import
print(re.compile is usual_compile)                            # re is as it was
print(type(paragraph._hy_pfx_pat).__name__)                 # its other patterns as usual
print(paragraph._uri_split_pairs("https://www.example.com/a/b")[-1])   # what ReportLab uses it for
print(paragraph.uri_pat.match("ftp://例子.中国/文件") is not None, paragraph.uri_pat.match("not a url") is None)
print(type(paragraph.uri_pat._compiled).__name__)            # compiled once used
print(any(type(f).__name__ == "_DeferUriPattern" for f in __import__("sys").meta_path))   # the hook is gone
"""


def test_the_url_pattern_is_compiled_when_first_used_and_works():
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        "LazyPattern", "True", "Pattern", "('https://', 'www.example.com/a/b')", "True True", "Pattern", "False",
    ]


def test_a_long_url_is_still_split_at_its_slashes():
    """What ReportLab uses the pattern for: a URL too long for its line is broken after a slash."""
    import gridoffice.services   # noqa: F401  (installs the hook if ReportLab is not loaded yet)
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    url = "https://www.example.gov.cn/renda/jiedao/lianluozhan/jiedairi/2026/12/notice-0001.html"
    style = ParagraphStyle("url", fontName="Helvetica", fontSize=10, leading=12, uriWasteReduce=0.3)
    paragraph = Paragraph(f"Web: {url} end", style)
    paragraph.wrap(200, 1000)
    lines = [[str(word) for word in words] for _, words in paragraph.blPara.lines]
    assert lines == [["Web:", "https://www.example.gov.cn/renda/"],
                     ["jiedao/lianluozhan/jiedairi/2026/12/notice-0001.html"], ["end"]]
