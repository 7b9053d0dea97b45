"""The fixed vocabularies of the office, stored as their Chinese words.

Values are stored as plain strings (not database enums) so the schema stays
dialect-neutral and readable; domain rules check them on input.
"""
from enum import StrEnum


class StationKind(StrEnum):
    CENTRAL = "中心"
    SPECIALISED = "专业"
    AREA = "片区"
    CONTACT_POINT = "联系点"


class CommunityKind(StrEnum):
    COMMUNITY = "社区"
    VILLAGE = "村"


class Gender(StrEnum):
    MALE = "男"
    FEMALE = "女"


class DeputyLevel(StrEnum):
    """Ordered from the highest level down; a deputy may hold several."""
    NATIONAL = "全国"
    PROVINCE = "省"
    CITY = "市"
    DISTRICT = "区"
    TOWNSHIP = "乡镇"


class DeputyStatus(StrEnum):
    SERVING = "在任"
    RETIRED = "离任"


class ActivityKind(StrEnum):
    HOME_VISIT = "入户走访"
    GRID_PATROL = "网格巡查"
    ENTERPRISE = "进企业"
    COMMUNITY = "进社区"
    VILLAGE = "进乡村"
    RECEPTION = "接待日"
    COUNCIL = "议事会"
    FORUM = "座谈会"
    INSPECTION = "视察调研"
    VOLUNTEER = "志愿服务"
    OTHER = "其他"


class OpinionChannel(StrEnum):
    RECEPTION = "接待日"
    VISIT = "走访"
    PHONE = "电话"
    WECHAT = "微信群"
    BOX = "意见箱"
    ONLINE = "网上"
    COUNCIL = "议事会"         # a decision of a meeting (议事会, 圆桌会, 现场会…) opened it
    APPRAISAL = "述职会"       # a question voters raised at a 述职评议会
    OTHER = "其他"


class OpinionStatus(StrEnum):
    """The 三单制 loop: 需求单 → 任务单 → 责任单 → 办结 → 回音."""
    REGISTERED = "待认领"      # 需求单 registered, no deputy yet
    CLAIMED = "已认领"         # 任务单: a deputy claimed it
    ASSIGNED = "办理中"        # 责任单: a department is handling it
    RESOLVED = "已办结"        # result recorded, reply to the resident pending
    CLOSED = "已关闭"          # result and reply recorded
    REJECTED = "不予受理"      # lawsuits, arbitration, petitions: referred elsewhere


class HandlingMode(StrEnum):
    SPLIT = "分办"
    ASSIGN = "交办"
    FORWARD = "转办"
    SUPERVISE = "督办"


class Urgency(StrEnum):
    NORMAL = "一般"
    URGENT = "紧急"


class Satisfaction(StrEnum):
    SATISFIED = "满意"
    BASICALLY = "基本满意"
    UNSATISFIED = "不满意"


class ReplyMethod(StrEnum):
    PHONE = "电话"
    IN_PERSON = "当面"
    SMS = "短信"
    WECHAT = "微信"
    WRITTEN = "书面"


class RejectReason(StrEnum):
    LAWSUIT = "诉讼"
    ARBITRATION = "仲裁"
    PETITION = "信访"
    OTHER = "其他"


class ReceptionStatus(StrEnum):
    PLANNED = "计划"
    HELD = "已举行"
    CANCELLED = "已取消"


class RecurrenceKind(StrEnum):
    """How a station's reception dates recur (三定: 定时)."""
    NTH_WEEKDAY = "每月第N个周几"
    WEEKLY = "每周"
    MONTH_DAY = "指定月份的日期"


DEFAULT_OPINION_CATEGORIES = (
    "养老", "停车", "环境卫生", "交通", "安全隐患", "物业", "就业", "医疗", "教育", "其他",
)

DEFAULT_HOUSEHOLD_CATEGORIES = (
    ("独居老人", "#d32f2f"),
    ("高龄老人", "#f57c00"),
    ("退役军人", "#388e3c"),
    ("困难家庭", "#7b1fa2"),
    ("残疾人", "#1976d2"),
    ("留守儿童", "#fbc02d"),
)
