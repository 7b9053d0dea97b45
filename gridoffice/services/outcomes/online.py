"""网上履职: activities held online (the 数字人大 platform, a WeChat group, a video call).

The activity form sets the flag (ActivityInput.online); `set_online` is for scripts and tests.
"""
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Activity

from .common import get_record


def set_online(db: Database, activity_id: int, online: bool) -> None:
    with db.session() as session:
        activity = get_record(session, Activity, activity_id, "走访活动")
        if activity.online != online:
            activity.online = online
            session.add(activity)


def online_activity_ids(db: Database) -> list[int]:
    with db.session() as session:
        return list(session.exec(select(Activity.id).where(Activity.online).order_by(Activity.id)))
