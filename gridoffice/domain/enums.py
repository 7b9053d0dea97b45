"""The fixed vocabularies of the office, stored as their Chinese words.

Values are stored as plain strings (not database enums) so the schema stays
dialect-neutral and readable; domain rules check them on input.
"""
from enum import StrEnum


class StationKind(StrEnum):
    """What the site is (阵地的类型): the names the seeds use for deputies' sites."""
    HOME = "代表之家"
    WORKSTATION = "代表工作站"
    LIAISON_STATION = "代表联络站"
    LIAISON_ROOM = "代表联络室"
    PRACTICE_BASE = "实践基地"
    CONTACT_POINT = "联系点"


class StationScope(StrEnum):
    """Where a site stands in the office's network (一中心两专业六片区); "" for a site outside it."""
    CENTRAL = "中心"
    SPECIALISED = "专业"
    AREA = "片区"


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


class PersonRole(StrEnum):
    """People who are not deputies but work beside them in the grids."""
    GRID_WORKER = "网格员"
    VOLUNTEER = "志愿者"
    COUNCIL_MEMBER = "居民议事代表"
    LAWYER = "律师"
    POLICE = "民警"
    COMMUNITY_WORKER = "社区工作者"
    OTHER = "其他"


class DutyRecurrence(StrEnum):
    """How a grid duty recurs (besides reception days, which have their own rules)."""
    WEEKLY = "每周"
    MONTHLY = "每月"
    QUARTERLY = "每季度"
    SCHOOL_DAYS = "上学日"


class DutyStatus(StrEnum):
    PLANNED = "计划"
    DONE = "已完成"
    MISSED = "未到岗"
    CANCELLED = "已取消"


# 五员: what a deputy acts as in the community (editable list, stored on the deputy joined by "、")
DEFAULT_DEPUTY_ROLES = ("宣传员", "联络员", "监督员", "调解员", "守护员")

# regular visits per category (days between visits; 0 = none): 独居老人 every week
DEFAULT_VISIT_CYCLES = {"独居老人": 7, "高龄老人": 14, "困难家庭": 30, "残疾人": 30, "留守儿童": 30, "退役军人": 90}

# 九必访: (event, visit within N days, for which categories; () = every category)
DEFAULT_MUST_VISIT_RULES = (
    ("生病住院", 3, ()),
    ("家有丧事", 3, ()),
    ("生活困难", 7, ()),
    ("遭遇灾害意外", 2, ()),
    ("矛盾纠纷", 3, ()),
    ("重大节日", 7, ("独居老人", "高龄老人", "困难家庭", "退役军人")),
    ("出院回家", 3, ("独居老人", "高龄老人", "残疾人")),
    ("新迁入户", 15, ()),
    ("子女离家", 7, ("留守儿童", "独居老人")),
)

# 十色: the colours a household can be marked with, and what the office means by them
DEFAULT_HOUSEHOLD_COLORS = (
    ("红", "#d32f2f"), ("橙", "#f57c00"), ("黄", "#fbc02d"), ("绿", "#388e3c"), ("青", "#00838f"),
    ("蓝", "#1976d2"), ("紫", "#7b1fa2"), ("粉", "#d81b60"), ("棕", "#6d4c41"), ("灰", "#757575"),
)

# the kinds of grid duty, their colour in the calendar and the activity a shift done becomes
DEFAULT_DUTY_KINDS = (
    ("网格巡查", "#2e7d32", "网格巡查"),
    ("护学岗", "#ef6c00", "志愿服务"),
    ("板凳议事会", "#6a1b9a", "议事会"),
    ("以案说法", "#00838f", "进社区"),
    ("网格值守", "#5d4037", "进社区"),
)

# services and devices a visit may bring (the form offers them; free text is allowed too)
DEFAULT_VISIT_SERVICES = (
    "送医送药", "代办代购", "政策宣传", "心理疏导", "助餐", "助浴", "助洁", "安装烟感报警器",
    "安装扶手", "安装紧急呼叫设备", "燃气安全检查", "送慰问品",
)
