"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-21 15:06:36.213984
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('table_name', sa.String(length=50), nullable=False),
    sa.Column('record_id', sa.String(length=50), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('changes', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('community',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('map_file', sa.String(length=260), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community'))
    )
    with op.batch_alter_table('community', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_community_name'), ['name'], unique=True)

    op.create_table('department',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('contact', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_department'))
    )
    with op.batch_alter_table('department', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_department_name'), ['name'], unique=True)

    op.create_table('holiday_override',
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('is_workday', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.PrimaryKeyConstraint('date', name=op.f('pk_holiday_override'))
    )
    op.create_table('household_category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('color', sa.String(length=9), nullable=False),
    sa.Column('must_visit', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_category')),
    sa.UniqueConstraint('name', name=op.f('uq_household_category_name'))
    )
    op.create_table('opinion_category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opinion_category')),
    sa.UniqueConstraint('name', name=op.f('uq_opinion_category_name'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=50), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('station',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('reception_room', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station'))
    )
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_name'), ['name'], unique=True)

    op.create_table('deputy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('name_pinyin', sa.String(length=200), nullable=False),
    sa.Column('name_initials', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=2), nullable=False),
    sa.Column('ethnicity', sa.String(length=20), nullable=False),
    sa.Column('birth_month', sa.String(length=7), nullable=False),
    sa.Column('party', sa.String(length=30), nullable=False),
    sa.Column('levels', sa.String(length=30), nullable=False),
    sa.Column('work_unit', sa.String(length=200), nullable=False),
    sa.Column('post', sa.String(length=100), nullable=False),
    sa.Column('expertise', sa.String(length=200), nullable=False),
    sa.Column('mobile', sa.String(length=20), nullable=False),
    sa.Column('office_phone', sa.String(length=30), nullable=False),
    sa.Column('mobile_public', sa.Boolean(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('took_office_on', sa.Date(), nullable=True),
    sa.Column('left_office_on', sa.Date(), nullable=True),
    sa.Column('photo_file', sa.String(length=260), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_deputy_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deputy'))
    )
    with op.batch_alter_table('deputy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deputy_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_deputy_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deputy_status'), ['status'], unique=False)

    op.create_table('grid',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('worker_name', sa.String(length=50), nullable=False),
    sa.Column('worker_phone', sa.String(length=30), nullable=False),
    sa.Column('households', sa.Integer(), nullable=False),
    sa.Column('population', sa.Integer(), nullable=False),
    sa.Column('boundary', sa.String(), nullable=False),
    sa.Column('map_file', sa.String(length=260), nullable=False),
    sa.Column('area_geojson', sa.String(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_grid_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grid'))
    )
    with op.batch_alter_table('grid', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grid_code'), ['code'], unique=True)
        batch_op.create_index(batch_op.f('ix_grid_community_id'), ['community_id'], unique=False)

    op.create_table('reception_day',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('residents_received', sa.Integer(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_reception_day_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reception_day'))
    )
    with op.batch_alter_table('reception_day', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reception_day_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_reception_day_station_id'), ['station_id'], unique=False)

    op.create_table('reception_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('recurrence', sa.String(length=20), nullable=False),
    sa.Column('nth', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('day_of_month', sa.Integer(), nullable=False),
    sa.Column('months', sa.String(length=40), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('deputies_per_day', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_reception_rule_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reception_rule')),
    sa.UniqueConstraint('station_id', name=op.f('uq_reception_rule_station_id'))
    )
    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('other_participants', sa.String(length=200), nullable=False),
    sa.Column('residents_contacted', sa.Integer(), nullable=False),
    sa.Column('summary', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_activity_grid_id_grid')),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_activity_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_station_id'), ['station_id'], unique=False)

    op.create_table('deputy_busy_date',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_deputy_busy_date_deputy_id_deputy'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deputy_busy_date'))
    )
    with op.batch_alter_table('deputy_busy_date', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deputy_busy_date_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('deputy_grid',
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_deputy_grid_deputy_id_deputy'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_deputy_grid_grid_id_grid'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('deputy_id', 'grid_id', name=op.f('pk_deputy_grid'))
    )
    with op.batch_alter_table('deputy_grid', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deputy_grid_grid_id'), ['grid_id'], unique=False)

    op.create_table('grid_household',
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['household_category.id'], name=op.f('fk_grid_household_category_id_household_category'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_grid_household_grid_id_grid'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('grid_id', 'category_id', name=op.f('pk_grid_household'))
    )
    op.create_table('reception_duty',
    sa.Column('reception_day_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_reception_duty_deputy_id_deputy'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reception_day_id'], ['reception_day.id'], name=op.f('fk_reception_duty_reception_day_id_reception_day'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('reception_day_id', 'deputy_id', name=op.f('pk_reception_duty'))
    )
    with op.batch_alter_table('reception_duty', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reception_duty_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('reception_pool',
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_reception_pool_deputy_id_deputy'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rule_id'], ['reception_rule.id'], name=op.f('fk_reception_pool_rule_id_reception_rule'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('rule_id', 'deputy_id', name=op.f('pk_reception_pool'))
    )
    op.create_table('activity_deputy',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_deputy_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_activity_deputy_deputy_id_deputy'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('activity_id', 'deputy_id', name=op.f('pk_activity_deputy'))
    )
    with op.batch_alter_table('activity_deputy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_deputy_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('activity_photo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('file', sa.String(length=260), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_photo_activity_id_activity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_photo'))
    )
    with op.batch_alter_table('activity_photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_photo_activity_id'), ['activity_id'], unique=False)

    op.create_table('opinion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=20), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('resident_name', sa.String(length=50), nullable=False),
    sa.Column('resident_phone', sa.String(length=30), nullable=False),
    sa.Column('resident_address', sa.String(length=200), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('content', sa.String(), nullable=False),
    sa.Column('urgency', sa.String(length=4), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('reception_day_id', sa.Integer(), nullable=True),
    sa.Column('deputy_id', sa.Integer(), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('handling_mode', sa.String(length=4), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=6), nullable=False),
    sa.Column('result', sa.String(), nullable=False),
    sa.Column('resolved_on', sa.Date(), nullable=True),
    sa.Column('reply', sa.String(), nullable=False),
    sa.Column('reply_method', sa.String(length=10), nullable=False),
    sa.Column('replied_on', sa.Date(), nullable=True),
    sa.Column('satisfaction', sa.String(length=6), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('reject_reason', sa.String(length=10), nullable=False),
    sa.Column('referred_to', sa.String(length=100), nullable=False),
    sa.Column('is_suggestion', sa.Boolean(), nullable=False),
    sa.Column('is_practical', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_opinion_activity_id_activity')),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_opinion_department_id_department')),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_opinion_deputy_id_deputy')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_opinion_grid_id_grid')),
    sa.ForeignKeyConstraint(['reception_day_id'], ['reception_day.id'], name=op.f('fk_opinion_reception_day_id_reception_day')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opinion')),
    sa.UniqueConstraint('serial', name=op.f('uq_opinion_serial'))
    )
    with op.batch_alter_table('opinion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opinion_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opinion_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opinion_deputy_id'), ['deputy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opinion_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_opinion_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opinion_received_on'), ['received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_opinion_reception_day_id'), ['reception_day_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opinion_status'), ['status'], unique=False)

    op.create_table('opinion_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opinion_id', sa.Integer(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('from_status', sa.String(length=6), nullable=False),
    sa.Column('to_status', sa.String(length=6), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['opinion_id'], ['opinion.id'], name=op.f('fk_opinion_history_opinion_id_opinion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opinion_history'))
    )
    with op.batch_alter_table('opinion_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opinion_history_opinion_id'), ['opinion_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('opinion_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opinion_history_opinion_id'))

    op.drop_table('opinion_history')
    with op.batch_alter_table('opinion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opinion_status'))
        batch_op.drop_index(batch_op.f('ix_opinion_reception_day_id'))
        batch_op.drop_index(batch_op.f('ix_opinion_received_on'))
        batch_op.drop_index(batch_op.f('ix_opinion_grid_id'))
        batch_op.drop_index(batch_op.f('ix_opinion_due_on'))
        batch_op.drop_index(batch_op.f('ix_opinion_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_opinion_department_id'))
        batch_op.drop_index(batch_op.f('ix_opinion_activity_id'))

    op.drop_table('opinion')
    with op.batch_alter_table('activity_photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_photo_activity_id'))

    op.drop_table('activity_photo')
    with op.batch_alter_table('activity_deputy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_deputy_deputy_id'))

    op.drop_table('activity_deputy')
    op.drop_table('reception_pool')
    with op.batch_alter_table('reception_duty', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reception_duty_deputy_id'))

    op.drop_table('reception_duty')
    op.drop_table('grid_household')
    with op.batch_alter_table('deputy_grid', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deputy_grid_grid_id'))

    op.drop_table('deputy_grid')
    with op.batch_alter_table('deputy_busy_date', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deputy_busy_date_deputy_id'))

    op.drop_table('deputy_busy_date')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_station_id'))
        batch_op.drop_index(batch_op.f('ix_activity_kind'))
        batch_op.drop_index(batch_op.f('ix_activity_grid_id'))
        batch_op.drop_index(batch_op.f('ix_activity_date'))

    op.drop_table('activity')
    op.drop_table('reception_rule')
    with op.batch_alter_table('reception_day', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reception_day_station_id'))
        batch_op.drop_index(batch_op.f('ix_reception_day_date'))

    op.drop_table('reception_day')
    with op.batch_alter_table('grid', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grid_community_id'))
        batch_op.drop_index(batch_op.f('ix_grid_code'))

    op.drop_table('grid')
    with op.batch_alter_table('deputy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deputy_status'))
        batch_op.drop_index(batch_op.f('ix_deputy_station_id'))
        batch_op.drop_index(batch_op.f('ix_deputy_name'))

    op.drop_table('deputy')
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_station_name'))

    op.drop_table('station')
    op.drop_table('setting')
    op.drop_table('opinion_category')
    op.drop_table('household_category')
    op.drop_table('holiday_override')
    with op.batch_alter_table('department', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_department_name'))

    op.drop_table('department')
    with op.batch_alter_table('community', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_community_name'))

    op.drop_table('community')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')

