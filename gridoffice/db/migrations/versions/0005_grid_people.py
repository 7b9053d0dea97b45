"""网格里的人和事: special households one by one (九必访), grid duties and rotas, people who are not
deputies and their teams, deputies at several sites with 五员 roles.

Keeps every row: the per-grid counts of grid_household become "未逐户登记" ledger entries (one per
grid and category, holding the count) before the table goes; station kinds become site kinds
(代表之家, 代表工作站, 代表联络站, 代表联络室, 实践基地, 联系点, read from the name) and the old
中心/专业/片区 move to the new `scope`; each deputy's station becomes the primary one of
deputy_station. The default 九必访 list and duty kinds are added, and the default visit cycles
are given to the categories of those names.
"""

import json

from alembic import op
import sqlalchemy as sa

from gridoffice.clock import SYSTEM_CLOCK


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

OLD_SCOPES = ("中心", "专业", "片区")
KIND_WORDS = (("之家", "代表之家"), ("工作站", "代表工作站"), ("联络室", "代表联络室"), ("实践基地", "实践基地"),
              ("联系点", "联系点"))
VISIT_CYCLES = {"独居老人": 7, "高龄老人": 14, "困难家庭": 30, "残疾人": 30, "留守儿童": 30, "退役军人": 90}
MUST_VISIT_RULES = (
    ("生病住院", 3, ()), ("家有丧事", 3, ()), ("生活困难", 7, ()), ("遭遇灾害意外", 2, ()), ("矛盾纠纷", 3, ()),
    ("重大节日", 7, ("独居老人", "高龄老人", "困难家庭", "退役军人")), ("出院回家", 3, ("独居老人", "高龄老人", "残疾人")),
    ("新迁入户", 15, ()), ("子女离家", 7, ("留守儿童", "独居老人")),
)
DUTY_KINDS = (("网格巡查", "#2e7d32", "网格巡查"), ("护学岗", "#ef6c00", "志愿服务"), ("板凳议事会", "#6a1b9a", "议事会"),
              ("以案说法", "#00838f", "进社区"), ("网格值守", "#5d4037", "进社区"))
PLACEHOLDER_NAME = "未逐户登记"
PLACEHOLDER_NOTE = "由原“各网格重点户户数”转来：请逐户登记后替换"


def upgrade() -> None:
    op.create_table('duty_kind',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.Column('color', sa.String(length=9), nullable=False),
    sa.Column('activity_kind', sa.String(length=10), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_kind')),
    sa.UniqueConstraint('name', name=op.f('uq_duty_kind_name'))
    )
    op.create_table('must_visit_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event', sa.String(length=30), nullable=False),
    sa.Column('within_days', sa.Integer(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_must_visit_rule')),
    sa.UniqueConstraint('event', name=op.f('uq_must_visit_rule_event'))
    )
    op.create_table('must_visit_rule_category',
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['household_category.id'], name=op.f('fk_must_visit_rule_category_category_id_household_category'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rule_id'], ['must_visit_rule.id'], name=op.f('fk_must_visit_rule_category_rule_id_must_visit_rule'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('rule_id', 'category_id', name=op.f('pk_must_visit_rule_category'))
    )
    op.create_table('deputy_station',
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_deputy_station_deputy_id_deputy'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_deputy_station_station_id_station'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('deputy_id', 'station_id', name=op.f('pk_deputy_station'))
    )
    with op.batch_alter_table('deputy_station', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deputy_station_station_id'), ['station_id'], unique=False)

    op.create_table('duty',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('recurrence', sa.String(length=10), nullable=False),
    sa.Column('weekdays', sa.String(length=20), nullable=False),
    sa.Column('nth', sa.Integer(), nullable=False),
    sa.Column('terms', sa.String(length=300), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('per_shift', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_duty_grid_id_grid')),
    sa.ForeignKeyConstraint(['kind_id'], ['duty_kind.id'], name=op.f('fk_duty_kind_id_duty_kind')),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_duty_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty'))
    )
    with op.batch_alter_table('duty', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_kind_id'), ['kind_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_station_id'), ['station_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('name_pinyin', sa.String(length=200), nullable=False),
    sa.Column('name_initials', sa.String(length=50), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('organisation', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('phone_public', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_person_community_id_community')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_person_grid_id_grid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_role'), ['role'], unique=False)

    op.create_table('team',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('task', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_team_grid_id_grid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team')),
    sa.UniqueConstraint('name', name=op.f('uq_team_name'))
    )
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_grid_id'), ['grid_id'], unique=False)

    op.create_table('duty_pool_deputy',
    sa.Column('duty_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_duty_pool_deputy_deputy_id_deputy'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['duty_id'], ['duty.id'], name=op.f('fk_duty_pool_deputy_duty_id_duty'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('duty_id', 'deputy_id', name=op.f('pk_duty_pool_deputy'))
    )
    with op.batch_alter_table('duty_pool_deputy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_pool_deputy_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('duty_pool_person',
    sa.Column('duty_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['duty_id'], ['duty.id'], name=op.f('fk_duty_pool_person_duty_id_duty'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_duty_pool_person_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('duty_id', 'person_id', name=op.f('pk_duty_pool_person'))
    )
    with op.batch_alter_table('duty_pool_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_pool_person_person_id'), ['person_id'], unique=False)

    op.create_table('household',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=100), nullable=False),
    sa.Column('building', sa.String(length=20), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('room', sa.String(length=20), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('color', sa.String(length=9), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=True),
    sa.Column('worker_id', sa.Integer(), nullable=True),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('last_visit_on', sa.Date(), nullable=True),
    sa.Column('cycle_due_on', sa.Date(), nullable=True),
    sa.Column('placeholder_count', sa.Integer(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_household_deputy_id_deputy')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_household_grid_id_grid')),
    sa.ForeignKeyConstraint(['worker_id'], ['person.id'], name=op.f('fk_household_worker_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household'))
    )
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_address'), ['address'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_deputy_id'), ['deputy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_last_visit_on'), ['last_visit_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_cycle_due_on'), ['cycle_due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_worker_id'), ['worker_id'], unique=False)

    op.create_table('team_deputy',
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_team_deputy_deputy_id_deputy'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_team_deputy_team_id_team'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('team_id', 'deputy_id', name=op.f('pk_team_deputy'))
    )
    with op.batch_alter_table('team_deputy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_deputy_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('team_person',
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_team_person_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_team_person_team_id_team'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('team_id', 'person_id', name=op.f('pk_team_person'))
    )
    with op.batch_alter_table('team_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_person_person_id'), ['person_id'], unique=False)

    op.create_table('activity_person',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_person_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_activity_person_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('activity_id', 'person_id', name=op.f('pk_activity_person'))
    )
    with op.batch_alter_table('activity_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_person_person_id'), ['person_id'], unique=False)

    op.create_table('duty_shift',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('duty_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_duty_shift_activity_id_activity')),
    sa.ForeignKeyConstraint(['duty_id'], ['duty.id'], name=op.f('fk_duty_shift_duty_id_duty')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_shift'))
    )
    with op.batch_alter_table('duty_shift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_shift_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_shift_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_shift_duty_id'), ['duty_id'], unique=False)

    op.create_table('household_category_link',
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['household_category.id'], name=op.f('fk_household_category_link_category_id_household_category'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_household_category_link_household_id_household'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('household_id', 'category_id', name=op.f('pk_household_category_link'))
    )
    with op.batch_alter_table('household_category_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_category_link_category_id'), ['category_id'], unique=False)

    op.create_table('household_visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('summary', sa.String(), nullable=False),
    sa.Column('services', sa.String(length=200), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_household_visit_activity_id_activity')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_household_visit_household_id_household')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_household_visit_team_id_team')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_visit'))
    )
    with op.batch_alter_table('household_visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_visit_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_visit_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_visit_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_visit_team_id'), ['team_id'], unique=False)

    op.create_table('duty_shift_deputy',
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_duty_shift_deputy_deputy_id_deputy'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shift_id'], ['duty_shift.id'], name=op.f('fk_duty_shift_deputy_shift_id_duty_shift'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('shift_id', 'deputy_id', name=op.f('pk_duty_shift_deputy'))
    )
    with op.batch_alter_table('duty_shift_deputy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_shift_deputy_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('duty_shift_person',
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_duty_shift_person_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shift_id'], ['duty_shift.id'], name=op.f('fk_duty_shift_person_shift_id_duty_shift'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('shift_id', 'person_id', name=op.f('pk_duty_shift_person'))
    )
    with op.batch_alter_table('duty_shift_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_shift_person_person_id'), ['person_id'], unique=False)

    op.create_table('household_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_household_event_household_id_household')),
    sa.ForeignKeyConstraint(['rule_id'], ['must_visit_rule.id'], name=op.f('fk_household_event_rule_id_must_visit_rule')),
    sa.ForeignKeyConstraint(['visit_id'], ['household_visit.id'], name=op.f('fk_household_event_visit_id_household_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_event'))
    )
    with op.batch_alter_table('household_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_event_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_event_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_event_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_event_rule_id'), ['rule_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_event_visit_id'), ['visit_id'], unique=False)

    op.create_table('household_visit_deputy',
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_household_visit_deputy_deputy_id_deputy'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['household_visit.id'], name=op.f('fk_household_visit_deputy_visit_id_household_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('visit_id', 'deputy_id', name=op.f('pk_household_visit_deputy'))
    )
    with op.batch_alter_table('household_visit_deputy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_visit_deputy_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('household_visit_person',
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_household_visit_person_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['household_visit.id'], name=op.f('fk_household_visit_person_visit_id_household_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('visit_id', 'person_id', name=op.f('pk_household_visit_person'))
    )
    with op.batch_alter_table('household_visit_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_visit_person_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('team_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_activity_team_id'), ['team_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_activity_team_id_team'), 'team', ['team_id'], ['id'])

    with op.batch_alter_table('deputy', schema=None) as batch_op:
        batch_op.add_column(sa.Column('roles', sa.String(length=100), nullable=False, server_default=''))

    with op.batch_alter_table('household_category', schema=None) as batch_op:
        batch_op.add_column(sa.Column('visit_every_days', sa.Integer(), nullable=False, server_default='0'))

    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.String(length=10), nullable=False, server_default=''))

    connection = op.get_bind()
    _move_station_kinds(connection)
    _primary_sites(connection)
    _visit_cycles(connection)
    if _holds_an_office(connection):   # a new database gets its lists with the office (ensure_default_lists)
        _default_rules(connection)
    _counts_to_placeholders(connection)
    op.drop_table('grid_household')


def _move_station_kinds(connection) -> None:
    """中心/专业/片区 become the scope; the kind is what the name says (联络站 unless it says otherwise)."""
    for station_id, name, kind in connection.execute(sa.text("SELECT id, name, kind FROM station")).all():
        scope = kind if kind in OLD_SCOPES else ""
        new_kind = next((k for word, k in KIND_WORDS if word in name), "联系点" if kind == "联系点" else "代表联络站")
        connection.execute(sa.text("UPDATE station SET kind = :kind, scope = :scope WHERE id = :id"),
                           {"kind": new_kind, "scope": scope, "id": station_id})
        _audit(connection, "station", station_id, {"kind": [kind, new_kind], "scope": ["", scope]}, "update")


def _audit(connection, table: str, record_id, values: dict, action: str = "insert") -> None:
    """The audit row of a row this upgrade writes (every record has one, as the program's own writes do)."""
    changes = {"来源": "数据库升级 0005：网格里的人和事", **values}
    connection.execute(sa.text("INSERT INTO audit_log (at, table_name, record_id, action, changes) "
                               "VALUES (:at, :table, :record, :action, :changes)"),
                       {"at": SYSTEM_CLOCK.now(), "table": table, "record": str(record_id), "action": action,
                        "changes": json.dumps(changes, ensure_ascii=False, default=str)})


def _holds_an_office(connection) -> bool:
    return any(connection.execute(sa.text(f"SELECT 1 FROM {table} LIMIT 1")).first()
               for table in ("household_category", "station", "deputy"))


def _primary_sites(connection) -> None:
    pairs = connection.execute(sa.text("SELECT id, station_id FROM deputy WHERE station_id IS NOT NULL")).all()
    for deputy_id, station_id in pairs:
        connection.execute(sa.text("INSERT INTO deputy_station (deputy_id, station_id, is_primary) "
                                   "VALUES (:deputy, :station, TRUE)"), {"deputy": deputy_id, "station": station_id})
        _audit(connection, "deputy_station", f"{deputy_id}/{station_id}", {"is_primary": True})


def _visit_cycles(connection) -> None:
    for name, days in VISIT_CYCLES.items():
        connection.execute(sa.text("UPDATE household_category SET visit_every_days = :days WHERE name = :name"),
                           {"days": days, "name": name})


def _default_rules(connection) -> None:
    categories = dict(connection.execute(sa.text("SELECT name, id FROM household_category")).all())
    for order, (event, days, names) in enumerate(MUST_VISIT_RULES, start=1):
        rule_id = connection.execute(
            sa.text("INSERT INTO must_visit_rule (event, within_days, sort_order) VALUES (:event, :days, :order) RETURNING id"),
            {"event": event, "days": days, "order": order}).scalar_one()
        _audit(connection, "must_visit_rule", rule_id, {"event": event, "within_days": days})
        for name in names:
            if name in categories:
                connection.execute(sa.text("INSERT INTO must_visit_rule_category (rule_id, category_id) "
                                           "VALUES (:rule, :category)"), {"rule": rule_id, "category": categories[name]})
                _audit(connection, "must_visit_rule_category", f"{rule_id}/{categories[name]}", {"category": name})
    for order, (name, color, activity_kind) in enumerate(DUTY_KINDS, start=1):
        kind_id = connection.execute(sa.text("INSERT INTO duty_kind (name, color, activity_kind, sort_order) "
                                             "VALUES (:name, :color, :kind, :order) RETURNING id"),
                                     {"name": name, "color": color, "kind": activity_kind, "order": order}).scalar_one()
        _audit(connection, "duty_kind", kind_id, {"name": name})


def _counts_to_placeholders(connection) -> None:
    """Each count becomes one "未逐户登记" entry of its grid and category holding the count: the
    counts derived from the ledger are the counts the office had."""
    rows = connection.execute(sa.text(
        "SELECT g.grid_id, g.category_id, g.count, c.color FROM grid_household g "
        "JOIN household_category c ON c.id = g.category_id WHERE g.count > 0 ORDER BY g.grid_id, c.sort_order, c.id"
    )).all()
    for grid_id, category_id, count, color in rows:
        household_id = connection.execute(sa.text(
            "INSERT INTO household (grid_id, place, building, unit, room, address, name, phone, color, "
            "placeholder_count, notes) VALUES (:grid, '', '', '', '', '', :name, '', :color, :count, :note) RETURNING id"),
            {"grid": grid_id, "name": PLACEHOLDER_NAME, "color": color, "count": count,
             "note": PLACEHOLDER_NOTE}).scalar_one()
        connection.execute(sa.text("INSERT INTO household_category_link (household_id, category_id) "
                                   "VALUES (:household, :category)"), {"household": household_id, "category": category_id})
        _audit(connection, "household", household_id, {"grid_id": grid_id, "placeholder_count": count,
                                                        "categories": [category_id]})


def downgrade() -> None:
    """Back to one station per deputy, station kinds as before, and the counts per grid (the ledger's
    households counted per grid and category); everything else of this revision is dropped."""
    op.create_table('grid_household',
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['household_category.id'], name=op.f('fk_grid_household_category_id_household_category'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_grid_household_grid_id_grid'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('grid_id', 'category_id', name=op.f('pk_grid_household'))
    )
    op.get_bind().execute(sa.text(
        "INSERT INTO grid_household (grid_id, category_id, count) "
        "SELECT h.grid_id, l.category_id, SUM(CASE WHEN h.placeholder_count > 0 THEN h.placeholder_count ELSE 1 END) "
        "FROM household h JOIN household_category_link l ON l.household_id = h.id GROUP BY h.grid_id, l.category_id"))
    op.get_bind().execute(sa.text(
        "UPDATE station SET kind = CASE WHEN scope != '' THEN scope WHEN kind = '联系点' THEN '联系点' ELSE '片区' END"))
    with op.batch_alter_table('household_visit_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_visit_person_person_id'))

    op.drop_table('household_visit_person')
    with op.batch_alter_table('household_visit_deputy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_visit_deputy_deputy_id'))

    op.drop_table('household_visit_deputy')
    with op.batch_alter_table('household_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_event_visit_id'))
        batch_op.drop_index(batch_op.f('ix_household_event_rule_id'))
        batch_op.drop_index(batch_op.f('ix_household_event_household_id'))
        batch_op.drop_index(batch_op.f('ix_household_event_due_on'))
        batch_op.drop_index(batch_op.f('ix_household_event_date'))

    op.drop_table('household_event')
    with op.batch_alter_table('duty_shift_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_shift_person_person_id'))

    op.drop_table('duty_shift_person')
    with op.batch_alter_table('duty_shift_deputy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_shift_deputy_deputy_id'))

    op.drop_table('duty_shift_deputy')
    with op.batch_alter_table('household_visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_visit_team_id'))
        batch_op.drop_index(batch_op.f('ix_household_visit_household_id'))
        batch_op.drop_index(batch_op.f('ix_household_visit_date'))
        batch_op.drop_index(batch_op.f('ix_household_visit_activity_id'))

    op.drop_table('household_visit')
    with op.batch_alter_table('household_category_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_category_link_category_id'))

    op.drop_table('household_category_link')
    with op.batch_alter_table('duty_shift', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_shift_duty_id'))
        batch_op.drop_index(batch_op.f('ix_duty_shift_date'))
        batch_op.drop_index(batch_op.f('ix_duty_shift_activity_id'))

    op.drop_table('duty_shift')
    with op.batch_alter_table('activity_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_person_person_id'))

    op.drop_table('activity_person')
    with op.batch_alter_table('team_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_person_person_id'))

    op.drop_table('team_person')
    with op.batch_alter_table('team_deputy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_deputy_deputy_id'))

    op.drop_table('team_deputy')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_worker_id'))
        batch_op.drop_index(batch_op.f('ix_household_last_visit_on'))
        batch_op.drop_index(batch_op.f('ix_household_cycle_due_on'))
        batch_op.drop_index(batch_op.f('ix_household_grid_id'))
        batch_op.drop_index(batch_op.f('ix_household_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_household_address'))

    op.drop_table('household')
    with op.batch_alter_table('duty_pool_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_pool_person_person_id'))

    op.drop_table('duty_pool_person')
    with op.batch_alter_table('duty_pool_deputy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_pool_deputy_deputy_id'))

    op.drop_table('duty_pool_deputy')
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_grid_id'))

    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_activity_team_id_team'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_activity_team_id'))
        batch_op.drop_column('team_id')
    op.drop_table('team')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_role'))
        batch_op.drop_index(batch_op.f('ix_person_name'))
        batch_op.drop_index(batch_op.f('ix_person_grid_id'))
        batch_op.drop_index(batch_op.f('ix_person_community_id'))

    op.drop_table('person')
    with op.batch_alter_table('duty', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_station_id'))
        batch_op.drop_index(batch_op.f('ix_duty_kind_id'))
        batch_op.drop_index(batch_op.f('ix_duty_grid_id'))

    op.drop_table('duty')
    with op.batch_alter_table('deputy_station', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deputy_station_station_id'))

    op.drop_table('deputy_station')
    op.drop_table('must_visit_rule_category')
    op.drop_table('must_visit_rule')
    op.drop_table('duty_kind')
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.drop_column('scope')
    with op.batch_alter_table('household_category', schema=None) as batch_op:
        batch_op.drop_column('visit_every_days')
    with op.batch_alter_table('deputy', schema=None) as batch_op:
        batch_op.drop_column('roles')
