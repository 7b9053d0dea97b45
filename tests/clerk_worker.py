"""One clerk at a PC, for tests/end2end/test_clerks_at_once.py: a process of its own on the district's
database, doing a fixed list of operations and printing one JSON line per operation it finished:

    python tests/clerk_worker.py URL CLERK OPERATIONS DEPUTY_ID ROSTER.xlsx

    {"op": "register", "serial": "2026-0007", "content": "..."}      acknowledged registrations
    {"op": "edit", "saved": "clerk2-3"} / {"op": "edit", "refused": "clerk2-3", "message": "..."}
    {"op": "import", "added": 20}
"""
import datetime as dt
import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gridoffice.db import ConflictError, Database  # noqa: E402
from gridoffice.services.opinions.register import OpinionForm, register_opinion  # noqa: E402
from gridoffice.services.roster.deputies import load_deputy, update_deputy  # noqa: E402
from gridoffice.services.roster.excel import import_deputies  # noqa: E402

TODAY = dt.date(2026, 11, 20)


def say(**fields) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def main(url: str, clerk: str, operations: int, deputy_id: int, roster: Path) -> None:
    rng = random.Random(clerk)
    with Database.open(url) as db:
        for number in range(operations):
            content = f"{clerk} 第{number}件：路灯不亮"
            opinion = register_opinion(db, OpinionForm(received_on=TODAY, channel="电话", content=content), TODAY)
            say(op="register", serial=opinion.serial, content=content)
            form = load_deputy(db, deputy_id)             # the clerk opens the deputy's form…
            time.sleep(rng.uniform(0, 0.02))              # …types…
            notes = f"{clerk}-{number}"
            try:                                          # …and saves
                update_deputy(db, deputy_id, replace(form, notes=notes), today=TODAY)
                say(op="edit", saved=notes)
            except ConflictError as error:
                say(op="edit", refused=notes, message=str(error))
            if number == operations // 2:
                result = import_deputies(db, roster, today=TODAY)
                say(op="import", added=result.added)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5]))
