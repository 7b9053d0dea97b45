"""履职积分 of the demo office: the rule table of each year it spans (last year's valued a reception duty
at 4 points, this year's at the default 5, so the two years' rankings show the rules are kept per
year) and a few adjustments with their reasons: speeches and training (加分), an absence (扣分) and a
missed reception duty (接待日缺岗).
"""
import datetime as dt

from gridoffice.domain.points import DEFAULT_RULES, AdjustmentKind, RuleKey

from gridoffice.services.demo.scale import DemoOffice

TABLE_LABELS = {"duty_point_rule": "履职积分规则", "duty_point_adjustment": "积分加减分"}

BONUSES = (("在区人民代表大会上作大会发言", 5), ("参加市人大代表履职能力专题培训并结业", 3),
           ("领衔的代表建议被评为区优秀代表建议", 5), ("在区人大常委会执法检查中提出的意见被采纳", 3))
PENALTIES = (("无故缺席代表小组活动，事先未请假", 2), ("未按要求报送季度履职情况", 1))
PER_DEPUTIES = 20          # one adjustment for about this many deputies


def build_points(office: DemoOffice) -> None:
    rng = office.rng("points")
    years = sorted({office.first_day.year, office.today.year})
    rules = office.table("duty_point_rule")
    for year in years:
        for spec in DEFAULT_RULES:
            points = 4.0 if year < office.today.year and spec.key == RuleKey.RECEPTION_DUTY else float(spec.points)
            rules.append({"id": len(rules) + 1, "year": year, "key": spec.key, "points": points, "cap": spec.cap,
                          "threshold": spec.threshold})

    adjustments = office.table("duty_point_adjustment")
    serving = [d for d in office.deputies if d.serving]
    count = max(4, len(serving) // PER_DEPUTIES)
    start = dt.date(office.today.year, 1, 1)
    span = (office.today - start).days
    for index in range(count):
        deputy = serving[rng.randrange(len(serving))]
        day = max(start + dt.timedelta(days=rng.randint(0, span)), deputy.took_office_on)
        if index % 4 == 3:
            reason, points = PENALTIES[rng.randrange(len(PENALTIES))]
            kind, points = AdjustmentKind.PENALTY.value, -float(points)
        else:
            reason, points = BONUSES[rng.randrange(len(BONUSES))]
            kind, points = AdjustmentKind.BONUS.value, float(points)
        adjustments.append({"id": len(adjustments) + 1, "deputy_id": deputy.id, "on": day, "kind": kind,
                            "points": points, "reason": reason, "reception_day_id": None})
    _missed_duty(office, adjustments, start)


def _missed_duty(office: DemoOffice, adjustments: list[dict], start: dt.date) -> None:
    """One deputy on the roster of a held reception day this year did not come (no leave asked)."""
    held = [day for day in office.rows.get("reception_day", [])
            if day["status"] == "已举行" and start <= day["date"] <= office.today]
    duties = {}
    for link in office.rows.get("reception_duty", []):
        duties.setdefault(link["reception_day_id"], []).append(link["deputy_id"])
    for day in held[len(held) // 2:]:
        on_duty = sorted(duties.get(day["id"], []))
        if len(on_duty) >= 2:
            adjustments.append({"id": len(adjustments) + 1, "deputy_id": on_duty[-1], "on": day["date"],
                                "kind": AdjustmentKind.MISSED_DUTY.value, "points": 0.0,
                                "reason": f"{day['date'].month}月{day['date'].day}日接待日值班无故缺岗，未请假，由搭档代表单独接待",
                                "reception_day_id": day["id"]})
            return
