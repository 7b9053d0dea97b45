"""Commands of the grid duties (网格巡查, 护学岗, 板凳议事会…):

    gridoffice duties schedule --kind 护学岗 --from 2027-03 --months 4 [--save] [--json]
    gridoffice print rota --kind 护学岗 --month 2027-03 -o 护学岗值守表.pdf
"""
import argparse
import json
from pathlib import Path

from .common import EXIT_OK, CliError, CommandGroups, open_db, say, warn
from .households import action, group
from .arguments import month_arg


def register(groups: CommandGroups) -> None:
    actions = group(groups, "duties", "网格值守：按岗位规则排班（网格巡查、护学岗、板凳议事会、以案说法…）")
    schedule = action(actions, "schedule", "为一种值守排班（默认只显示，--save 才保存），代表和其他人员公平轮值", run_schedule)
    schedule.add_argument("--kind", required=True, metavar="KIND", help="值守类型，如 网格巡查、护学岗")
    schedule.add_argument("--from", dest="first_month", type=month_arg, required=True, metavar="YYYY-MM", help="从哪个月开始")
    schedule.add_argument("--months", type=int, default=1, metavar="N", help="排几个月（1-24，默认 1）")
    schedule.add_argument("--save", action="store_true", help="保存：替换期间内计划中的值守，已完成、未到岗和已取消的保持不变")
    schedule.add_argument("--json", action="store_true", help="以 JSON 输出（items 数组）")
    rota = groups.add_print("rota", "一种值守一个月的值守表（PDF）", run_print_rota)
    rota.add_argument("--kind", required=True, metavar="KIND", help="值守类型，如 护学岗")
    rota.add_argument("--month", type=month_arg, required=True, metavar="YYYY-MM")
    rota.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")


def _kind_id(db, name: str) -> int:
    from gridoffice.services.duties.kinds import DutyKindInputError, find_duty_kind

    try:
        return find_duty_kind(db, name).id
    except DutyKindInputError as error:
        raise CliError(str(error)) from None


def run_schedule(args: argparse.Namespace) -> int:
    from gridoffice.services.duties.schedule import find_clashes, generate_rota, rota_period, save_rota

    first = args.first_month
    if not 1 <= args.months <= 24:
        raise CliError("--months 应在 1 到 24 之间。")
    start, end = rota_period(first, args.months)
    with open_db(args, lock=args.save) as db:
        kind_id = _kind_id(db, args.kind)
        rota = generate_rota(db, kind_id, start, end)
        saved = save_rota(db, rota) if args.save else None
        clashes = find_clashes(db, start, end)
    if args.json:
        say(json.dumps({"kind": args.kind, "from": start.isoformat(), "to": end.isoformat(), "saved": bool(saved),
                        "warnings": rota.warnings, "clashes": [c.message for c in clashes],
                        "items": [{"date": s.date.isoformat(), "start": f"{s.start_time:%H:%M}",
                                   "end": f"{s.end_time:%H:%M}", "duty": s.duty_name,
                                   "people": [rota.label(k) for k in s.member_keys], "notes": s.notes}
                                  for s in rota.shifts]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    _print_rota(rota, clashes)
    if saved:
        say(f"已保存：新增 {saved.added} 次值守，替换 {saved.removed} 次原计划中的值守，保留 {rota.kept} 次已记录的值守。")
    else:
        say("（仅预览，未保存；加 --save 保存。）")
    return EXIT_OK


def _print_rota(rota, clashes) -> None:
    from gridoffice.domain.dates import weekday_name

    for message in rota.warnings:
        warn(f"注意：{message}")
    for clash in clashes:
        warn(f"冲突：{clash.message}")
    say(f"排班期间：{rota.start:%Y-%m-%d} 至 {rota.end:%Y-%m-%d}，共 {len(rota.shifts)} 次值守")
    for shift in rota.shifts:
        names = "、".join(rota.label(k) for k in shift.member_keys) or "（无人可排）"
        moved = f"  {shift.notes}" if shift.moved else ""
        say(f"{shift.date:%Y-%m-%d}  {weekday_name(shift.date)}  {shift.start_time:%H:%M}-{shift.end_time:%H:%M}  "
            f"{shift.duty_name}  {names}{moved}")
    say("")
    say("每人值守次数：")
    for duty_id, counts in rota.counts.items():
        listed = "，".join(f"{rota.label(k)} {n} 次" for k, n in counts.items()) or "（人员库为空）"
        say(f"{rota.duty_names[duty_id]}：{listed}")


def run_print_rota(args: argparse.Namespace) -> int:
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.duties.pdf import write_rota_pdf

    month = args.month
    if args.output.suffix.lower() != ".pdf":
        raise CliError(f"输出文件“{args.output}”应以 .pdf 结尾。")
    with open_db(args, lock=False) as db:
        write_rota_pdf(db, args.output, kind_id=_kind_id(db, args.kind), year=month.year, month=month.month,
                       today=SYSTEM_CLOCK.today())
    say(f"已生成值守表：{args.output}")
    return EXIT_OK
