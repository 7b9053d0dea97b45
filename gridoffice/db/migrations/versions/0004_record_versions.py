"""Several clerks at once: record versions, who wrote the audit row, serial counters, attachments in the database

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08 09:00:00

- Every record a clerk edits gets `version` (1 for the existing rows): a save that started from an
  older version is refused instead of silently reverting the other clerk's change.
- The audit log gets `user_name` and `computer` (empty for the rows written before).
- `serial_counter` hands out serial numbers (2026-0042, JY2026-001) without collisions; it starts
  empty and the first number of each kind and year continues after the highest one in use.
- `attachment_blob` holds attachments in the database on a district server (empty on a single PC).

Plain ALTER TABLE … ADD COLUMN on both SQLite and PostgreSQL: no table is rebuilt, so the foreign
keys of other tables pointing at these ones are never in the way.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

VERSIONED_TABLES = ('station', 'department', 'community', 'grid', 'deputy', 'activity', 'opinion', 'reception_day',
                    'reception_rule', 'campaign', 'suggestion', 'project', 'meeting', 'appraisal', 'followup',
                    'dispute')


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        op.add_column(table, sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
    op.add_column('audit_log', sa.Column('user_name', sa.String(length=100), nullable=False, server_default=''))
    op.add_column('audit_log', sa.Column('computer', sa.String(length=100), nullable=False, server_default=''))
    op.create_table(
        'serial_counter',
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('last', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('kind', 'year', name=op.f('pk_serial_counter')),
    )
    op.create_table(
        'attachment_blob',
        sa.Column('path', sa.String(length=260), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('path', name=op.f('pk_attachment_blob')),
    )


def downgrade() -> None:
    op.drop_table('attachment_blob')
    op.drop_table('serial_counter')
    with op.batch_alter_table('audit_log') as batch_op:
        batch_op.drop_column('computer')
        batch_op.drop_column('user_name')
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column('version')
