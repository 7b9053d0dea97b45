"""The office's work: plain Python in and out, no Qt. The GUI and the command line call these."""
from gridoffice.services.common import reportlab_import

reportlab_import.install()   # before any paper module imports ReportLab (see that module)
