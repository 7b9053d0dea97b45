import sys

from gridoffice.cli import main

sys.exit(main())
