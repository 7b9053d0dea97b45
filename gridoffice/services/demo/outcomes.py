"""履职成果 of the demo office: 代表建议 grown from opinions, 为民办实事 projects, meetings with their
decisions, 述职评议会, campaigns, follow-up calls, where matters were settled, mediation, and
activities held online. Shaped by the seeds (8 suggestions and 30-odd deeds a year, five 政企圆桌会,
43 rental and 27 family disputes in a district, satisfaction near 98 %).

Runs after the opinions: it reads the generated rows, adds its own, and sets the few columns of
opinions and activities that belong to it (settled level, online). Each part draws from its own
`random.Random`, and everything is iterated in id order, so the rows never depend on the hash seed.
"""
import datetime as dt
import random
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from gridoffice.domain.enums import StationScope
from gridoffice.domain.outcome_rules import appraisal_result
from gridoffice.domain.stations import short_station_name

from gridoffice.services.demo import words
from gridoffice.services.demo.people import NameMaker, weighted
from gridoffice.services.demo.scale import DemoOffice, GridInfo

DAY = dt.timedelta(days=1)
OFFICE_GRIDS = 51          # the office scale's grids: other scales grow the yearly counts with their grids

TABLE_LABELS = {
    "campaign": "专项活动", "campaign_activity": "专项活动的走访", "campaign_opinion": "专项活动的意见",
    "suggestion": "代表建议", "suggestion_deputy": "建议领衔和附议代表", "suggestion_opinion": "建议所依据的意见",
    "suggestion_history": "建议办理记录", "suggestion_attachment": "建议附件", "project": "为民办实事项目",
    "project_opinion": "实事所回应的意见", "project_deputy": "实事监督代表", "project_photo": "实事照片",
    "meeting": "会议", "meeting_deputy": "参会代表", "meeting_decision": "会议议定事项", "appraisal": "述职评议会",
    "appraisal_deputy": "述职代表和测评", "appraisal_question": "述职会上的问题", "followup": "回访记录",
    "dispute": "矛盾纠纷", "dispute_deputy": "调解代表", "outcome_kind": "会议、纠纷和实事类型",
}

SETTLED_LEVELS = (("网格", 55), ("社区", 25), ("街道", 15), ("区", 5))
FOLLOW_UP_SHARE = 0.7
FOLLOW_UP_VERDICTS = (("满意", 91), ("基本满意", 8), ("不满意", 1))
FOLLOW_UP_METHODS = (("电话", 80), ("上门", 10), ("微信", 8), ("短信", 2))
FOLLOW_UP_NOTES = ("群众表示问题已解决，感谢代表和工委", "群众对办理结果表示认可", "群众反映情况已明显改善",
                   "群众希望今后继续关注", "")

SUGGESTION_TITLES = {
    "交通": "关于缓解{road}早晚高峰交通拥堵的建议", "停车": "关于增设{community}夜间停车位的建议",
    "养老": "关于在{community}建设长者饭堂的建议", "环境卫生": "关于整治{community}背街小巷环境卫生的建议",
    "安全隐患": "关于消除{community}老旧小区消防安全隐患的建议", "物业": "关于规范{community}小区物业服务的建议",
    "就业": "关于加强辖区就业技能培训的建议", "医疗": "关于完善{community}社区卫生服务站功能的建议",
    "教育": "关于在{road}学校周边设置护学岗的建议", "其他": "关于完善{community}便民服务设施的建议",
}
SUGGESTION_ADVICE = {
    "交通": "建议交通部门优化{road}路口信号灯配时，增设潮汐车道，并在学校周边设置临时停车区。",
    "停车": "建议利用周边单位停车场实行错时共享停车，并在{road}两侧施划夜间临时停车位。",
    "养老": "建议民政部门支持{community}利用党群服务中心闲置用房开设长者饭堂，提供助餐送餐服务。",
    "环境卫生": "建议城管部门建立背街小巷常态化保洁机制，增设分类垃圾投放点。",
    "安全隐患": "建议住建部门对老旧小区开展消防安全隐患排查，加装智能烟感报警器。",
    "物业": "建议住建部门加强物业服务监管，公示收费标准和服务内容。",
    "就业": "建议人社部门联合辖区企业开设订单式技能培训班。",
    "医疗": "建议卫健部门增加社区卫生服务站的全科医生和常用药品。",
    "教育": "建议教育部门会同公安交警在上下学时段设置护学岗。",
    "其他": "建议有关部门统筹完善便民服务设施。",
}

# category → (project kind, name template, unit, quantity range); {estate} {road} {community} filled in
PROJECT_TEMPLATES = {
    "停车": (("停车", "{estate}周边新增停车位", "个", (20, 126)), ("充电设施", "{estate}新增电动车智能充电桩", "处", (12, 37))),
    "交通": (("道路", "{road}混凝土路面加铺沥青工程", "公里", (0.3, 1.5)),
           ("公交出行", "{road}公交站点及周边人行道升级改造", "处", (1, 3))),
    "养老": (("养老助餐", "{community}长者饭堂", "个", (1, 1)), ("安全设施", "为高龄老人安装跌倒报警器和烟感探测器", "个", (20, 50))),
    "环境卫生": (("环境整治", "{estate}垃圾分类投放点改造", "处", (4, 12)), ("环境整治", "{road}背街小巷环境整治", "条", (2, 6))),
    "安全隐患": (("安全设施", "{estate}老旧小区加装智能烟感报警器", "个", (50, 200)),
             ("安全设施", "{estate}护坡安全隐患治理", "处", (1, 2))),
    "物业": (("便民服务", "{estate}小区楼道照明改造", "栋", (6, 24)),),
    "就业": (("便民服务", "{community}就业驿站", "个", (1, 1)),),
    "医疗": (("便民服务", "{community}卫生服务站送医上门服务点", "个", (1, 2)),),
    "教育": (("安全设施", "{road}学校门口护学岗和减速带", "处", (2, 4)),),
    "其他": (("文体设施", "{community}口袋公园", "个", (1, 1)), ("便民服务", "{estate}便民服务点", "个", (1, 2))),
}

MEETINGS_PER_YEAR = (("议事会", 17), ("圆桌会", 5), ("现场会", 4), ("联席会议", 2), ("恳谈会", 3), ("培训", 2))
MEETING_TITLES = {
    "例会": "{station}{month}月代表例会", "议事会": "{grid}{topic}板凳议事会", "圆桌会": "政企圆桌会：{topic}",
    "现场会": "{estate}{topic}问题现场会", "联席会议": "{topic}工作联席会议", "恳谈会": "{community}民情恳谈会",
    "培训": "代表履职能力培训（{topic}）",
}
MEETING_AGENDAS = {
    "例会": "通报上月民情意见办理情况\n安排本月进站接待和进网格走访\n研究{topic}相关意见",
    "议事会": "网格员通报{topic}情况\n居民代表发表意见\n议定解决办法",
    "圆桌会": "企业反映{topic}方面的困难\n职能部门现场答复\n议定跟进事项",
    "现场会": "实地察看{estate}{topic}问题\n职能部门介绍处理方案\n议定整改措施和时限",
    "联席会议": "通报{topic}工作进展\n各成员单位交流\n议定下一步分工",
    "恳谈会": "代表与居民面对面恳谈\n收集{topic}等方面的意见建议",
    "培训": "专题辅导：{topic}\n代表交流履职体会",
}
MEETING_OTHERS = {
    "例会": "联络站工作人员", "议事会": "网格员{worker}、居民代表", "圆桌会": "区人社局、区市场监管局、园区企业代表",
    "现场会": "区住建局、区城管局、社区工作人员", "联席会议": "街道各职能办、区有关部门",
    "恳谈会": "社区工作人员", "培训": "区人大常委会代表工委",
}
MEETING_RESIDENTS = {"议事会": (8, 25), "现场会": (3, 12), "恳谈会": (15, 40)}
MEETING_MINUTES = {
    "例会": "会议通报了上月民情意见办理情况，逐件梳理超期事项，安排了本月接待和走访。",
    "议事会": "居民代表围绕{topic}踊跃发言，代表和网格员逐条记录，与会人员就解决办法达成共识。",
    "圆桌会": "与会企业反映了{topic}方面的困难，职能部门逐项作了答复。",
    "现场会": "与会人员实地察看了现场，职能部门介绍了处理方案，代表提出了意见。",
    "联席会议": "各成员单位通报了{topic}工作进展，对存在的问题进行了研究。",
    "恳谈会": "居民就{topic}等提出意见建议，代表现场作了回应。",
    "培训": "代表认真听取专题辅导，交流了进网格履职的体会。",
}
MEETING_DECISIONS = {
    "例会": ("对超期未办结的意见发函督办", "下月接待日围绕{topic}开展主题接待"),
    "议事会": ("由网格员牵头建立{topic}问题台账，一月内反馈进展", "推动{estate}错时共享停车，代表跟进落实",
            "成立居民自治小组，监督{topic}整改"),
    "圆桌会": ("由区人社局举办专场招聘会，协助企业招工", "推动职业院校与园区企业签订订单式培养协议",
            "梳理企业诉求清单，交有关部门限期答复"),
    "现场会": ("由职能部门两周内拿出整改方案", "代表每月到现场察看整改进度"),
    "联席会议": ("明确各成员单位分工，按月通报进展",),
    "恳谈会": ("对居民提出的问题逐条登记，交有关部门办理",),
    "培训": ("各代表本季度至少进网格走访一次",),
}

DISPUTES_PER_YEAR = (("租赁", 18), ("家事", 12), ("邻里", 10), ("物业", 8), ("劳资", 3), ("消费", 2))
DISPUTE_SUMMARIES = {
    "租赁": ("租户提前退租，双方就押金退还发生争议", "房东上调租金，租户不同意，双方发生争执"),
    "家事": ("兄弟姐妹就老人赡养费用分担发生矛盾", "夫妻因家务琐事多次争吵，邻居报告网格员"),
    "邻里": ("楼上漏水影响楼下住户，双方协商未果", "邻居在公共楼道堆放杂物，引发争执"),
    "物业": ("业主对物业费上涨有异议，拒交物业费", "小区电梯长期故障，业主与物业公司发生纠纷"),
    "劳资": ("员工与小作坊就拖欠工资发生争议",),
    "消费": ("居民在小区超市购买过期食品，与店主协商赔偿",),
}
DISPUTE_AGREEMENTS = {
    "租赁": "双方达成调解协议，房东退还押金八成，租户结清水电费", "家事": "子女达成赡养协议，按月轮流照顾老人",
    "邻里": "双方签订调解协议，楼上住户负责维修并赔偿损失", "物业": "物业公司限期修复设施，业主补交物业费",
    "劳资": "老板当场结清拖欠工资", "消费": "店主退款并按规定赔偿",
}
DISPUTE_STATUS = (("调解成功", 80), ("未成功", 8), ("转交", 5), ("不予受理", 4))
REFUSALS = (("诉讼", "区人民法院诉讼服务中心"), ("仲裁", "区劳动人事争议仲裁委员会"), ("信访", "区信访局"))
OTHER_MEDIATORS = ("社区律师", "网格员{worker}", "派出所民警", "人民调解员")


@dataclass(frozen=True)
class _Opinion:
    """What this module reads of a generated opinion."""
    row: dict
    assigned_on: dt.date | None


class _Outcomes:
    def __init__(self, office: DemoOffice, names: NameMaker):
        self.office, self.names = office, names
        self.today = office.today
        self.scale = max(1, round(office.spec.grids / OFFICE_GRIDS))
        self.opinions = office.rows.get("opinion", [])
        assigned: dict[int, dt.date] = {}
        for step in office.rows.get("opinion_history", []):
            if step["action"] == "交办":
                assigned.setdefault(step["opinion_id"], step["on"])
        self.assigned = assigned
        self.department_names = {i: name for name, i in office.department_ids.items()}
        rng = office.rng("outcomes:staff")
        self.clerks = [names.make(rng.choice("男女")) for _ in range(2)]
        self.deputies_of_station = {s.id: [d for d in office.deputies if d.station_id == s.id] for s in office.stations}
        self.grids_of_station = {s.id: [g for g in office.grids if g.station_id == s.id] for s in office.stations}

    # --- helpers -----------------------------------------------------------------------------

    def rng(self, part: str) -> random.Random:
        return self.office.rng(f"outcomes:{part}")

    def serving(self, candidates, day: dt.date) -> list[int]:
        return [d.id for d in candidates if d.serves_on(day)]

    def fill(self, grid: GridInfo, rng: random.Random) -> dict[str, str]:
        return {"estate": rng.choice(grid.places), "road": rng.choice(words.ROADS), "community": grid.community_name,
                "grid": grid.name, "worker": grid.worker_name, "topic": rng.choice(words.TOPICS)}

    def weekday(self, day: dt.date) -> dt.date:
        return day + DAY * (7 - day.weekday()) if day.weekday() >= 5 else day

    def within_span(self, rng: random.Random, later_days: int = 0) -> dt.date:
        span = (self.today - self.office.first_day).days + later_days
        return self.weekday(self.office.first_day + DAY * rng.randint(0, span))

    # --- the parts ---------------------------------------------------------------------------

    def build(self) -> None:
        self.settle_opinions()
        self.follow_up()
        self.mark_online()
        self.campaigns = self.make_campaigns()
        suggestion_of = self.make_suggestions()
        self.make_projects(suggestion_of)
        self.make_meetings()
        self.make_appraisals()
        self.make_disputes()
        self.tag_campaigns()

    def settle_opinions(self) -> None:
        rng = self.rng("settled")
        for row in self.opinions:
            if row["status"] in ("已办结", "已关闭"):
                row["settled_level"] = weighted(rng, SETTLED_LEVELS)

    def follow_up(self) -> None:
        rng = self.rng("followups")
        table = self.office.table("followup")
        for row in self.opinions:
            if row["status"] != "已关闭" or rng.random() > FOLLOW_UP_SHARE:
                continue
            on = row["closed_on"] + DAY * rng.randint(3, 20)
            if on > self.today:
                continue
            verdict = "不满意" if row["satisfaction"] == "不满意" else weighted(rng, FOLLOW_UP_VERDICTS)
            table.append({"id": len(table) + 1, "opinion_id": row["id"], "on": on,
                          "method": weighted(rng, FOLLOW_UP_METHODS), "verdict": verdict,
                          "caller": rng.choice(self.clerks), "note": rng.choice(FOLLOW_UP_NOTES)})

    def mark_online(self) -> None:
        """Half the 座谈会 and the 'other' activities were held online (网上履职)."""
        rng = self.rng("online")
        for row in self.office.rows.get("activity", []):
            row["online"] = row["kind"] in ("座谈会", "其他") and rng.random() < 0.5
            if row["online"]:
                row["place"] = "网上履职平台（线上）"

    # --- campaigns ------------------------------------------------------------------------------

    def make_campaigns(self) -> list[dict]:
        table = self.office.table("campaign")
        first = self.office.first_day
        for year_index in range(self.office.spec.years):
            start = first + DAY * (365 * year_index)
            suffix = f"（{start.year}）" if self.office.spec.years > 1 else ""
            fraud = start + DAY * 60
            traffic = start + DAY * 200
            table.append({"id": len(table) + 1, "name": f"“网格反诈三联法”宣传进网格{suffix}", "start_on": fraud,
                          "end_on": fraud + DAY * 180,
                          "description": "代表带领网格员进门讲、群里推、案例晒，开展沉浸式反诈宣传。"})
            end = traffic + DAY * 150
            table.append({"id": len(table) + 1, "name": f"城区交通拥堵治理专项行动{suffix}", "start_on": traffic,
                          "end_on": end if end < self.today else None,
                          "description": "片区代表以联络站为平台，通过邻里议事会、接待群众日收集交通拥堵意见，整理形成建议反馈交通部门。"})
        return table

    def campaign_on(self, name_part: str, day: dt.date) -> int | None:
        for campaign in self.campaigns:
            if name_part in campaign["name"] and campaign["start_on"] <= day and (
                    campaign["end_on"] is None or day <= campaign["end_on"]):
                return campaign["id"]
        return None

    def tag_campaigns(self) -> None:
        rng = self.rng("campaign-tags")
        activities = self.office.table("campaign_activity")
        for row in self.office.rows.get("activity", []):
            fraud, traffic = self.campaign_on("反诈", row["date"]), self.campaign_on("交通", row["date"])
            if fraud and row["kind"] in ("入户走访", "志愿服务", "进社区", "网格巡查") and rng.random() < 0.5:
                activities.append({"campaign_id": fraud, "activity_id": row["id"]})
            if traffic and row["kind"] in ("议事会", "座谈会", "视察调研") and rng.random() < 0.4:
                activities.append({"campaign_id": traffic, "activity_id": row["id"]})
        opinions = self.office.table("campaign_opinion")
        for row in self.opinions:
            campaign = self.campaign_on("交通", row["received_on"])
            if campaign and row["category"] in ("交通", "停车"):
                opinions.append({"campaign_id": campaign, "opinion_id": row["id"]})

    # --- 代表建议 --------------------------------------------------------------------------------

    def make_suggestions(self) -> dict[int, int]:
        """One suggestion per opinion the opinion stage set aside, with related opinions of the same
        kind in the same station's grids; returns {opinion id: suggestion id}."""
        rng = self.rng("suggestions")
        by_id = {row["id"]: row for row in self.opinions}
        primaries = sorted((by_id[i] for i in self.office.suggestion_opinions),
                           key=lambda row: (row["received_on"], row["id"]))
        used = {row["id"] for row in primaries}
        # opinions by (station, category), in the order received: the related ones are found by bisection
        alike: dict[tuple[int, str], list[dict]] = {}
        for row in self.opinions:
            if row["status"] != "不予受理":
                alike.setdefault((self.office.grid(row["grid_id"]).station_id, row["category"]), []).append(row)
        plans = []
        for primary in primaries:
            grid = self.office.grid(primary["grid_id"])
            group = alike.get((grid.station_id, primary["category"]), [])
            dates = [row["received_on"] for row in group]
            window = group[bisect_left(dates, primary["received_on"] - DAY * 60):
                           bisect_right(dates, primary["received_on"])]
            related = [row for row in window if row["id"] not in used]
            chosen = rng.sample(related, min(len(related), rng.randint(0, 2)))
            used.update(row["id"] for row in chosen)
            submitted = min(self.today, primary["received_on"] + DAY * rng.randint(3, 10))
            plans.append((submitted, primary, sorted(chosen, key=lambda row: row["id"])))
        plans.sort(key=lambda plan: (plan[0], plan[1]["id"]))
        suggestion_of: dict[int, int] = {}
        numbers: dict[int, int] = {}
        for index, (submitted, primary, related) in enumerate(plans):
            numbers[submitted.year] = numbers.get(submitted.year, 0) + 1
            suggestion_id = self.add_suggestion(rng, index, f"JY{submitted.year}-{numbers[submitted.year]:03d}",
                                                submitted, primary, related)
            for row in (primary, *related):
                suggestion_of[row["id"]] = suggestion_id
        return suggestion_of

    def add_suggestion(self, rng, index, serial, submitted, primary, related) -> int:
        office, today = self.office, self.today
        grid = office.grid(primary["grid_id"])
        fill = self.fill(grid, rng)
        category = primary["category"]
        department_id = primary["department_id"] or office.department_ids[
            words.DEPARTMENTS_BY_CATEGORY[category][0]]
        department = self.department_names[department_id]
        station_deputies = self.serving(self.deputies_of_station[grid.station_id], submitted)
        lead = primary["deputy_id"] if primary["deputy_id"] and office.deputy(primary["deputy_id"]).serves_on(
            submitted) else (station_deputies or self.serving(office.deputies, submitted))[0]
        others = [d for d in station_deputies if d != lead]
        cosigners = sorted(rng.sample(others, min(len(others), rng.randint(1, 3))))
        suggestion_id = len(office.table("suggestion")) + 1
        contents = "；".join(row["content"].rstrip("。") for row in (primary, *related))
        content = f"群众反映：{contents}。\n{SUGGESTION_ADVICE[category].format(**fill)}"
        status, steps = "提出", [(submitted, "提出", "", "提出", "由民情意见 "
                                 + "、".join(row["serial"] for row in sorted((primary, *related),
                                                                           key=lambda r: r["serial"]))
                                 + " 形成代表建议")]
        row = {"id": suggestion_id, "serial": serial, "title": SUGGESTION_TITLES[category].format(**fill),
               "content": content, "category": category, "submitted_on": submitted, "department_id": department_id,
               "assigned_on": None, "due_on": None, "status": status, "reply": "", "replied_on": None, "verdict": "",
               "verdict_on": None, "campaign_id": self.campaign_on("交通", submitted) if category in ("交通", "停车")
               else None, "notes": ""}
        assigned = submitted + DAY * rng.randint(2, 6)
        if assigned <= today:
            row.update(assigned_on=assigned, due_on=assigned + DAY * 90, status="交办")
            steps.append((assigned, "交办", "提出", "交办", f"交{department}办理，限{row['due_on']:%Y年%m月%d日}前答复"))
            progress = assigned + DAY * rng.randint(10, 25)
            if progress <= today:
                steps.append((progress, "办理", "交办", "办理中", rng.choice(words.PROGRESS_TEXTS)))
                row["status"] = "办理中"
            replied = max(primary["resolved_on"] or today + DAY, progress + DAY * rng.randint(5, 20))
            if replied <= today:
                reply = f"{department}答复：{primary['result'] or '已按建议办理'}"
                steps.append((replied, "答复", row["status"], "办结", reply))
                row.update(status="办结", reply=reply, replied_on=replied)
                verdict_on = replied + DAY * rng.randint(3, 10)
                if verdict_on <= today:
                    self.judge(rng, index, row, steps, verdict_on, department)
        history = office.table("suggestion_history")
        for on, action, before, after, note in steps:
            history.append({"id": len(history) + 1, "suggestion_id": suggestion_id, "on": on, "action": action,
                            "from_status": before, "to_status": after, "note": note})
        office.table("suggestion").append(row)
        deputies = office.table("suggestion_deputy")
        deputies.append({"suggestion_id": suggestion_id, "deputy_id": lead, "role": "领衔"})
        deputies.extend({"suggestion_id": suggestion_id, "deputy_id": d, "role": "附议"} for d in cosigners)
        office.table("suggestion_opinion").extend({"suggestion_id": suggestion_id, "opinion_id": r["id"]}
                                                  for r in sorted((primary, *related), key=lambda r: r["id"]))
        return suggestion_id

    def judge(self, rng, index, row, steps, on, department) -> None:
        """The deputies' verdict; the second suggestion of the demo was sent back once (不满意)."""
        today = self.today
        if index == 1:
            steps.append((on, "评价", "办结", "办结", "代表评价：不满意：答复未涉及具体措施和时限"))
            due = on + DAY * 30
            steps.append((on, "重办", "办结", "办理中", f"代表对答复不满意，重新交{department}办理，"
                                                     f"限{due:%Y年%m月%d日}前再次答复"))
            row.update(status="办理中", verdict="不满意", verdict_on=on, due_on=due, reply="", replied_on=None)
            again = on + DAY * rng.randint(12, 25)
            if again > today:
                return
            reply = f"{department}再次答复：已制定具体措施，明确完成时限，并安排专人跟进"
            steps.append((again, "答复", "办理中", "办结", reply))
            row.update(status="办结", reply=reply, replied_on=again, verdict="", verdict_on=None)
            on = again + DAY * rng.randint(3, 8)
            if on > today:
                return
        verdict = "基本满意" if rng.random() < 0.2 else "满意"
        steps.append((on, "评价", "办结", "办结", f"代表评价：{verdict}"))
        row.update(verdict=verdict, verdict_on=on)

    # --- 为民办实事 -------------------------------------------------------------------------------

    def make_projects(self, suggestion_of: dict[int, int]) -> None:
        rng = self.rng("projects")
        by_id = {row["id"]: row for row in self.opinions}
        table = self.office.table("project")
        for opinion_id in sorted(self.office.practical_opinions):
            opinion = by_id[opinion_id]
            grid = self.office.grid(opinion["grid_id"])
            fill = self.fill(grid, rng)
            kind, template, unit, (low, high) = rng.choice(PROJECT_TEMPLATES[opinion["category"]])
            quantity = round(rng.uniform(low, high), 1) if isinstance(low, float) else float(rng.randint(low, high))
            started = self.assigned.get(opinion_id) or opinion["received_on"] + DAY * rng.randint(5, 20)
            row = {"id": len(table) + 1, "name": template.format(**fill), "year": opinion["received_on"].year,
                   "kind": kind, "community_id": grid.community_id, "grid_id": grid.id, "quantity": quantity,
                   "unit": unit, "responsible_unit": self.department_names.get(opinion["department_id"], "街道社区服务中心"),
                   "suggestion_id": suggestion_of.get(opinion_id), "started_on": None,
                   "planned_on": started + DAY * rng.randint(30, 120), "completed_on": None, "status": "计划",
                   "campaign_id": self.campaign_on("交通", started) if kind in ("道路", "停车", "公交出行") else None,
                   "description": f"回应群众反映：{opinion['content']}"}
            if opinion["status"] in ("已办结", "已关闭") and opinion["resolved_on"]:
                # the opinion is answered when the project is decided; the works take weeks more
                done = max(opinion["resolved_on"], started) + DAY * rng.randint(0, 60)
                if done <= self.today:
                    row.update(status="已完成", started_on=started, completed_on=done, year=done.year)
                else:
                    row.update(status="实施中", started_on=started, planned_on=max(row["planned_on"], done))
            elif opinion["status"] == "办理中" and started <= self.today:
                row.update(status="实施中", started_on=started, year=started.year)
            table.append(row)
            self.office.table("project_opinion").append({"project_id": row["id"], "opinion_id": opinion_id})
            if opinion["deputy_id"]:
                self.office.table("project_deputy").append({"project_id": row["id"],
                                                            "deputy_id": opinion["deputy_id"]})

    # --- meetings ---------------------------------------------------------------------------------

    def make_meetings(self) -> None:
        rng = self.rng("meetings")
        plans: list[tuple[dt.date, str, int, GridInfo | None]] = []
        central = next(s for s in self.office.stations if s.scope == StationScope.CENTRAL.value)
        enterprise = next((s for s in self.office.stations if s.profile == "enterprise"), central)
        day = self.office.first_day.replace(day=1)
        while day <= self.today + DAY * 30:            # the central station's monthly 例会
            meeting_day = self.weekday(day + DAY * 4)
            if self.office.first_day <= meeting_day:
                plans.append((meeting_day, "例会", central.id, None))
            day = (day + DAY * 32).replace(day=1)
        for year_index in range(self.office.spec.years):
            for station in self.office.stations:     # the other stations' quarterly 例会
                if station.id != central.id:
                    for quarter in range(4):
                        plans.append((self.quarter_day(rng, year_index, quarter), "例会", station.id, None))
            for kind, per_year in MEETINGS_PER_YEAR:
                count = per_year * (self.scale if kind in ("议事会", "现场会", "恳谈会") else 1)
                for _ in range(count):
                    grid = rng.choice(self.office.grids) if kind in ("议事会", "现场会", "恳谈会") else None
                    station = grid.station_id if grid else enterprise.id if kind == "圆桌会" else central.id
                    plans.append((self.year_day(rng, year_index), kind, station, grid))
        plans.sort(key=lambda plan: (plan[0], plan[1], plan[2], plan[3].id if plan[3] else 0))
        for meeting_day, kind, station_id, grid in plans:
            if meeting_day <= self.today + DAY * 30:
                self.add_meeting(rng, meeting_day, kind, station_id, grid)
        self.link_decisions_to_suggestions()

    def year_day(self, rng: random.Random, year_index: int) -> dt.date:
        start = self.office.first_day + DAY * (365 * year_index)
        return self.weekday(start + DAY * rng.randint(0, 364))

    def quarter_day(self, rng: random.Random, year_index: int, quarter: int) -> dt.date:
        start = self.office.first_day + DAY * (365 * year_index + 91 * quarter)
        return self.weekday(start + DAY * rng.randint(0, 85))

    def add_meeting(self, rng, day, kind, station_id, grid) -> None:
        office = self.office
        station = office.station(station_id)
        home = grid or (self.grids_of_station[station_id] or office.grids)[0]
        fill = {**self.fill(home, rng), "station": short_station_name(station.name), "month": day.month}
        status = "计划" if day > self.today else "已取消" if rng.random() < 0.03 else "已召开"
        meeting_id = len(office.table("meeting")) + 1
        pool = self.serving(self.deputies_of_station[station_id], day)
        if kind == "培训":
            everyone = self.serving(office.deputies, day)
            pool = sorted(rng.sample(everyone, min(20, len(everyone))))
        elif grid is not None:
            near = [d for d in grid.deputy_ids if office.deputy(d).serves_on(day)]
            others = [d for d in pool if d not in near]
            pool = near + sorted(rng.sample(others, min(2, len(others))))
        elif kind != "例会":
            pool = sorted(rng.sample(pool, min(len(pool), rng.randint(3, 6))))
        invited = sorted(dict.fromkeys(pool))
        held = status == "已召开"
        attended = [d for d in invited if held and rng.random() < 0.88]
        low, high = MEETING_RESIDENTS.get(kind, (0, 0))
        office.table("meeting").append({
            "id": meeting_id, "kind": kind, "title": MEETING_TITLES[kind].format(**fill), "date": day,
            "start_time": dt.time(rng.choice((9, 10, 14, 15)), rng.choice((0, 30))),
            "place": self.meeting_place(kind, station, home, fill), "station_id": station_id,
            "grid_id": grid.id if grid else None, "agenda": MEETING_AGENDAS[kind].format(**fill),
            "host": office.deputy(attended[0]).name if attended else "", "recorder": rng.choice(self.clerks),
            "others": MEETING_OTHERS[kind].format(**fill), "residents_present": rng.randint(low, high) if held else 0,
            "minutes": MEETING_MINUTES[kind].format(**fill) if held else "", "status": status,
            "campaign_id": self.campaign_on("交通", day) if kind in ("议事会", "现场会") and "交通" in fill["topic"]
            else None,
        })
        office.table("meeting_deputy").extend({"meeting_id": meeting_id, "deputy_id": d, "attended": d in attended}
                                              for d in invited)
        if held:
            texts = MEETING_DECISIONS[kind]
            for seq, text in enumerate(rng.sample(texts, rng.randint(1, len(texts))), start=1):
                decisions = office.table("meeting_decision")
                decisions.append({"id": len(decisions) + 1, "meeting_id": meeting_id, "seq": seq,
                                  "text": text.format(**fill), "opinion_id": None, "suggestion_id": None})

    def meeting_place(self, kind: str, station, grid: GridInfo, fill: dict) -> str:
        if kind in ("议事会", "恳谈会"):
            return f"{grid.community_name}党群服务中心"
        if kind == "现场会":
            return f"{fill['estate']}现场"
        if kind == "圆桌会":
            return f"{station.name}会议室"
        return f"{station.name}{station.reception_room}"

    def link_decisions_to_suggestions(self) -> None:
        """The first suggestions were agreed at a meeting before they were written up."""
        meetings = self.office.rows.get("meeting", [])
        decisions = self.office.table("meeting_decision")
        for suggestion in self.office.rows.get("suggestion", [])[:2]:
            before = [m for m in meetings if m["status"] == "已召开" and m["kind"] in ("议事会", "联席会议", "现场会")
                      and m["date"] <= suggestion["submitted_on"]]
            if before:
                meeting = before[-1]
                seq = 1 + sum(1 for d in decisions if d["meeting_id"] == meeting["id"])
                decisions.append({"id": len(decisions) + 1, "meeting_id": meeting["id"], "seq": seq,
                                  "text": f"形成代表建议：{suggestion['title']}", "opinion_id": None,
                                  "suggestion_id": suggestion["id"]})

    # --- 述职评议会 -----------------------------------------------------------------------------

    def make_appraisals(self) -> None:
        """Each year a third of the deputies report, one meeting per station between late November
        and mid December; a question raised there is an opinion of channel 述职会."""
        rng = self.rng("appraisals")
        office = self.office
        station_of_grid = {g.id: g.station_id for g in office.grids}
        others_of_station: dict[int, list[dict]] = {}
        for opinion in self.opinions:
            if opinion["channel"] == "其他":
                others_of_station.setdefault(station_of_grid[opinion["grid_id"]], []).append(opinion)
        for year in range(office.first_day.year, self.today.year + 1):
            window_start, window_end = dt.date(year, 11, 15), dt.date(year, 12, 18)
            if window_end < office.first_day or window_start > self.today + DAY * 45:
                continue
            for station in office.stations:
                members = sorted(d.id for d in self.deputies_of_station[station.id]
                                 if d.serves_on(window_start) and d.left_office_on is None)
                reporting = [d for d in members if d % 3 == year % 3][:5]
                if not reporting:
                    continue
                questions = [o for o in others_of_station.get(station.id, [])
                             if window_start <= o["received_on"] <= min(window_end, self.today)]
                day = rng.choice(questions)["received_on"] if questions else self.weekday(
                    window_start + DAY * rng.randint(0, 30))
                if day < office.first_day:
                    continue
                self.add_appraisal(rng, year, day, station, reporting,
                                   [o for o in questions if o["received_on"] == day][:2])

    def add_appraisal(self, rng, year, day, station, reporting, questions) -> None:
        office = self.office
        appraisal_id = len(office.table("appraisal")) + 1
        held = day <= self.today
        scale = "称职度" if station.scope == StationScope.CENTRAL.value else "满意度"
        voters = rng.randint(40, 50) if held else 0
        office.table("appraisal").append({
            "id": appraisal_id, "year": year, "station_id": station.id, "date": day, "start_time": dt.time(9, 0),
            "place": f"{station.name}{station.reception_room}", "scale": scale, "voters_present": voters,
            "host": self.clerks[0], "status": "已举行" if held else "计划",
            "notes": "代表书面述职报告已于会前三天在联络站公示" if held else ""})
        for seq, deputy_id in enumerate(reporting, start=1):
            good = fair = poor = 0
            if held:
                poor = rng.choice((0, 0, 0, 1, 2))
                fair = rng.randint(1, 6) if rng.random() < 0.9 else rng.randint(9, 14)   # now and then 基本…
                good = voters - fair - poor - rng.randint(0, 2)
            office.table("appraisal_deputy").append({
                "appraisal_id": appraisal_id, "deputy_id": deputy_id, "seq": seq, "votes_good": good,
                "votes_fair": fair, "votes_poor": poor, "result": appraisal_result(scale, good, fair, poor) if held
                else "", "remarks": ""})
        for opinion in questions if held else []:
            opinion["channel"] = "述职会"
            office.table("appraisal_question").append({"appraisal_id": appraisal_id, "opinion_id": opinion["id"],
                                                       "deputy_id": rng.choice(reporting)})

    # --- 调解 ------------------------------------------------------------------------------------

    def make_disputes(self) -> None:
        rng = self.rng("disputes")
        office = self.office
        plans = []
        for _year in range(office.spec.years):
            for kind, per_year in DISPUTES_PER_YEAR:
                plans += [(self.within_span(rng), kind) for _ in range(per_year * self.scale)]
        plans.sort()
        numbers: dict[int, int] = {}
        for received, kind in plans:
            if received > self.today:
                continue
            numbers[received.year] = numbers.get(received.year, 0) + 1
            self.add_dispute(rng, f"TJ{received.year}-{numbers[received.year]:03d}", received, kind)

    def add_dispute(self, rng, serial, received, kind) -> None:
        office = self.office
        grid = rng.choice(office.grids)
        dispute_id = len(office.table("dispute")) + 1
        parties = "、".join(self.names.make(rng.choice("男女")) for _ in range(2))
        mediators = [d for d in grid.deputy_ids if office.deputy(d).serves_on(received)][:2] or \
            self.serving(self.deputies_of_station[grid.station_id], received)[:1]
        status = weighted(rng, DISPUTE_STATUS)
        result_on = received + DAY * rng.randint(1, 20)
        row = {"id": dispute_id, "serial": serial, "received_on": received, "kind": kind, "grid_id": grid.id,
               "parties": parties, "summary": rng.choice(DISPUTE_SUMMARIES[kind]),
               "other_mediators": rng.choice(OTHER_MEDIATORS).format(worker=grid.worker_name), "status": status,
               "result_on": result_on, "agreement": "", "referred_to": "", "reject_reason": "",
               "campaign_id": self.campaign_on("反诈", received) if kind == "消费" else None}
        if status == "不予受理":
            reason, referred = rng.choice(REFUSALS)
            row.update(result_on=received, reject_reason=reason, referred_to=referred,
                       agreement=f"属{reason}事项，不予调解，已引导当事人至{referred}")
            mediators = []
        elif result_on > self.today:
            row.update(status="调解中", result_on=None)
        elif status == "调解成功":
            row["agreement"] = DISPUTE_AGREEMENTS[kind]
        elif status == "未成功":
            row["agreement"] = "双方分歧较大，未达成一致，已告知通过诉讼等途径解决"
        else:
            row["referred_to"] = "区司法局人民调解委员会"
        office.table("dispute").append(row)
        office.table("dispute_deputy").extend({"dispute_id": dispute_id, "deputy_id": d} for d in sorted(mediators))


def build_outcomes(office: DemoOffice, names: NameMaker) -> None:
    _Outcomes(office, names).build()


def outcome_facts(office: DemoOffice) -> dict[str, int]:
    """What the demo summary says of these records."""
    rows = office.rows
    return {"suggestions_done": sum(1 for r in rows.get("suggestion", []) if r["status"] == "办结"),
            "projects_done": sum(1 for r in rows.get("project", []) if r["status"] == "已完成"),
            "meetings_held": sum(1 for r in rows.get("meeting", []) if r["status"] == "已召开"),
            "disputes_settled": sum(1 for r in rows.get("dispute", []) if r["status"] == "调解成功"),
            "online_activities": sum(1 for r in rows.get("activity", []) if r.get("online"))}
