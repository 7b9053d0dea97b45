"""Entry script of the frozen program (gridoffice.exe and gridoffice-cli.exe): the same as
`python -m gridoffice`. A script outside the package, so PyInstaller does not put the
package folder itself on sys.path."""
import sys

from gridoffice.cli import main

if __name__ == "__main__":
    sys.exit(main())
