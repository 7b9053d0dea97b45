"""履职积分: the rule table (a set of rules per year) and the manual adjustments

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 10:00:00

Two new tables, nothing existing changes. A year without rules of its own uses the latest earlier
year's rules, or the program's defaults (domain/points.py), so an office upgraded to this revision
ranks its deputies at once; the clerk's first save of a year's rules writes that year's full set.

The tables are written out here, not imported from the domain, so later changes to the models
cannot change what this migration does.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('duty_point_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=30), nullable=False),
    sa.Column('points', sa.Float(), nullable=False),
    sa.Column('cap', sa.Float(), nullable=True),
    sa.Column('threshold', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_point_rule')),
    sa.UniqueConstraint('year', 'key', name=op.f('uq_duty_point_rule_year'))
    )
    with op.batch_alter_table('duty_point_rule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_point_rule_year'), ['year'], unique=False)

    op.create_table('duty_point_adjustment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=6), nullable=False),
    sa.Column('points', sa.Float(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('reception_day_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_duty_point_adjustment_deputy_id_deputy'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reception_day_id'], ['reception_day.id'],
                            name=op.f('fk_duty_point_adjustment_reception_day_id_reception_day'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_point_adjustment'))
    )
    with op.batch_alter_table('duty_point_adjustment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_point_adjustment_deputy_id'), ['deputy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_point_adjustment_on'), ['on'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_point_adjustment_reception_day_id'), ['reception_day_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('duty_point_adjustment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_point_adjustment_reception_day_id'))
        batch_op.drop_index(batch_op.f('ix_duty_point_adjustment_on'))
        batch_op.drop_index(batch_op.f('ix_duty_point_adjustment_deputy_id'))
    op.drop_table('duty_point_adjustment')
    with op.batch_alter_table('duty_point_rule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_point_rule_year'))
    op.drop_table('duty_point_rule')
