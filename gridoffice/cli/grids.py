"""Commands for grids: Excel in and out, GeoJSON areas, the 网格责任表 and the coverage summary."""
import argparse
from pathlib import Path

from .arguments import name_arg, os_reason
from .common import EXIT_OK, CliError, CommandGroups, open_db, say


COVERAGE, OPINIONS = "coverage", "opinions"     # services/grids/legend.py: not imported to build the parser


def register(groups: CommandGroups) -> None:
    grids_in = groups.add_import("grids", "从表格文件导入网格（.xlsx、.xls、.et、.ods、.csv；表头：网格编号、网格名称、所属社区、"
                                          "网格员、网格员电话、户数、人口、范围描述；先列出将做的事，全部无误才写入）",
                                 run_import_grids)
    grids_in.add_argument("file", type=Path, metavar="FILE", help="网格表格文件（按内容识别格式）")
    grids_in.add_argument("--sheet", metavar="工作表", help="工作簿中有多个工作表都像网格表时，要导入的工作表名称")
    grids_in.add_argument("--dry-run", action="store_true", help="只检查并列出将新增、更新的网格和每个问题，不写入任何数据")
    grids_in.add_argument("--create-communities", action="store_true",
                          help="文件中出现尚不存在的社区时一并新建（默认作为错误，不导入）")
    grids_out = groups.add_export("grids", "把全部网格导出为 Excel", run_export_grids)
    grids_out.add_argument("file", type=Path, metavar="FILE.xlsx")
    geojson = groups.add_import("geojson", "为一个社区导入网格范围（GeoJSON FeatureCollection，属性中带网格编号）",
                                run_import_geojson)
    geojson.add_argument("--community", required=True, metavar="NAME", help="社区（村）名称")
    geojson.add_argument("file", type=Path, metavar="FILE")
    duty = groups.add_print("grid-duty", "网格责任表（每个社区：网格、网格员、联系代表，电话隐去中间四位）", run_print_duty)
    duty.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    coverage = groups.add_print("coverage", "“两个全覆盖”情况汇总（一页）", run_print_coverage)
    coverage.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    grid_map = groups.add_print("map", "网格地图（一页 A4 横向：每个网格标出编号，注明社区名称，附图例）", run_print_map)
    grid_map.add_argument("--community", type=name_arg, metavar="NAME",
                          help="社区（村）名称，或名称中独有的一部分（默认全部社区）")
    grid_map.add_argument("--color", choices=(COVERAGE, OPINIONS), default=COVERAGE,
                          help="着色方式：coverage 按覆盖情况（默认），opinions 按未办结意见")
    grid_map.add_argument("--no-image", action="store_true", help="不印扫描底图（只印导入的网格范围）")
    grid_map.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")


def run_import_grids(args: argparse.Namespace) -> int:
    """Print what the file holds and what would happen (the GUI's preview), then write it unless --dry-run."""
    from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError, refused_lines
    from gridoffice.services.grids.excel import UnknownCommunitiesError, apply_grid_import, read_grid_import

    db = open_db(args, lock=not args.dry_run)
    try:
        plan = read_grid_import(db, args.file, sheet=args.sheet)
        say("\n".join(plan.summary_lines(args.create_communities, refused=False)))
        if plan.refused:
            raise CliError("\n".join([f"文件中有 {len(plan.refused_rows)} 行被拒绝，没有导入任何数据。请改正后重新导入。",
                                      *refused_lines(plan.refused)]))
        if args.dry_run:
            say("试运行：没有写入任何数据。")
            return EXIT_OK
        summary = apply_grid_import(db, plan, create_communities=args.create_communities)
    except UnknownCommunitiesError as error:
        raise CliError(f"{error}\n如确需新建这些社区（{'、'.join(error.names)}），请加 --create-communities 再导入。") from None
    except (ExcelFileError, ExcelImportError) as error:
        raise CliError(str(error)) from None
    finally:
        db.close()
    say(summary.describe())
    return EXIT_OK


def run_export_grids(args: argparse.Namespace) -> int:
    from gridoffice.services.grids.excel import export_grids

    _check_output(args.file, ".xlsx")
    db = open_db(args, lock=False)
    try:
        count = export_grids(db, args.file)
    except OSError as error:
        raise CliError(f"无法写入“{args.file}”：{os_reason(error)}") from None
    finally:
        db.close()
    say(f"已导出 {count} 个网格到 {args.file}")
    return EXIT_OK


def run_import_geojson(args: argparse.Namespace) -> int:
    from gridoffice.services.grids.geojson import GeoJsonImportError, import_geojson

    db = open_db(args)
    try:
        summary = import_geojson(db, args.community, args.file)
    except GeoJsonImportError as error:
        raise CliError(str(error)) from None
    finally:
        db.close()
    say(summary.describe())
    return EXIT_OK


def run_print_duty(args: argparse.Namespace) -> int:
    from gridoffice.services.grids.pdf import write_grid_duty_pdf

    return _print(args, write_grid_duty_pdf, "网格责任表")


def run_print_coverage(args: argparse.Namespace) -> int:
    from gridoffice.services.grids.pdf import write_coverage_pdf

    return _print(args, write_coverage_pdf, "两个全覆盖情况汇总")


def run_print_map(args: argparse.Namespace) -> int:
    from gridoffice.domain.errors import FieldError
    from gridoffice.services.common.lookups import find_community
    from gridoffice.services.grids.map_pdf import write_map_pdf

    def writer(db, path, *, today):
        try:
            community_id = find_community(db, args.community).id if args.community else None
        except FieldError as error:
            raise CliError(str(error)) from None
        return write_map_pdf(db, path, community_id=community_id, today=today, mode=args.color,
                             with_image=not args.no_image)

    return _print(args, writer, "网格地图")


def _print(args: argparse.Namespace, writer, label: str) -> int:
    from gridoffice.clock import SYSTEM_CLOCK   # the date printed on the page
    from gridoffice.services.common.typography import NothingToPrintError

    _check_output(args.output, ".pdf")
    db = open_db(args, lock=False)
    try:
        writer(db, args.output, today=SYSTEM_CLOCK.today())
    except NothingToPrintError as error:
        raise CliError(str(error)) from None
    except OSError as error:
        raise CliError(f"无法写入“{args.output}”：{os_reason(error)}") from None
    finally:
        db.close()
    say(f"已生成{label}：{args.output}")
    return EXIT_OK


def _check_output(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise CliError(f"输出文件应以 {suffix} 结尾：{path}")
    if path.is_dir():
        raise CliError(f"“{path}”是一个文件夹，请给出文件名。")
