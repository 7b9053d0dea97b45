"""履职成果: 代表建议, 为民办实事, meetings, 述职评议会, campaigns, follow-up calls, mediation

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 07:46:03

Until now an opinion carried two flags, `is_suggestion` (代表建议) and `is_practical` (为民办实事).
Each flagged opinion becomes a suggestion or a project record linked to it, carrying over what the
opinion knew (department, dates, result, the claiming deputy as the lead deputy), then the flags go.
Activities gain `online` (网上履职); opinions gain `settled_level` (where the matter was settled).

The tables of this revision are written out here, not imported from the domain, so later changes
to the models cannot change what this migration does.
"""
import json
import re

from alembic import op

from gridoffice.clock import SYSTEM_CLOCK
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_tables()
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('online', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('opinion', schema=None) as batch_op:
        batch_op.add_column(sa.Column('settled_level', sa.String(length=4), nullable=False, server_default=''))
    _flags_to_records(op.get_bind())
    with op.batch_alter_table('opinion', schema=None) as batch_op:
        batch_op.drop_column('is_practical')
        batch_op.drop_column('is_suggestion')
        batch_op.create_index(batch_op.f('ix_opinion_resolved_on'), ['resolved_on'], unique=False)


def _create_tables() -> None:
    op.create_table('campaign',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('description', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign')),
    sa.UniqueConstraint('name', name=op.f('uq_campaign_name'))
    )
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_start_on'), ['start_on'], unique=False)

    op.create_table('outcome_kind',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_name', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcome_kind')),
    sa.UniqueConstraint('list_name', 'name', name=op.f('uq_outcome_kind_list_name'))
    )
    with op.batch_alter_table('outcome_kind', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcome_kind_list_name'), ['list_name'], unique=False)

    op.create_table('appraisal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('scale', sa.String(length=4), nullable=False),
    sa.Column('voters_present', sa.Integer(), nullable=False),
    sa.Column('host', sa.String(length=50), nullable=False),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_appraisal_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appraisal'))
    )
    with op.batch_alter_table('appraisal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appraisal_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_appraisal_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appraisal_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_appraisal_year'), ['year'], unique=False)

    op.create_table('suggestion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('content', sa.String(), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('assigned_on', sa.Date(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('reply', sa.String(), nullable=False),
    sa.Column('replied_on', sa.Date(), nullable=True),
    sa.Column('verdict', sa.String(length=6), nullable=False),
    sa.Column('verdict_on', sa.Date(), nullable=True),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_suggestion_campaign_id_campaign'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_suggestion_department_id_department')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suggestion')),
    sa.UniqueConstraint('serial', name=op.f('uq_suggestion_serial'))
    )
    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suggestion_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_suggestion_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_suggestion_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_suggestion_replied_on'), ['replied_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_suggestion_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_suggestion_submitted_on'), ['submitted_on'], unique=False)

    op.create_table('appraisal_deputy',
    sa.Column('appraisal_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('votes_good', sa.Integer(), nullable=False),
    sa.Column('votes_fair', sa.Integer(), nullable=False),
    sa.Column('votes_poor', sa.Integer(), nullable=False),
    sa.Column('result', sa.String(length=6), nullable=False),
    sa.Column('remarks', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['appraisal_id'], ['appraisal.id'], name=op.f('fk_appraisal_deputy_appraisal_id_appraisal'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_appraisal_deputy_deputy_id_deputy')),
    sa.PrimaryKeyConstraint('appraisal_id', 'deputy_id', name=op.f('pk_appraisal_deputy'))
    )
    with op.batch_alter_table('appraisal_deputy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appraisal_deputy_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('dispute',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=20), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('parties', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.String(), nullable=False),
    sa.Column('other_mediators', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('result_on', sa.Date(), nullable=True),
    sa.Column('agreement', sa.String(), nullable=False),
    sa.Column('referred_to', sa.String(length=100), nullable=False),
    sa.Column('reject_reason', sa.String(length=10), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_dispute_campaign_id_campaign'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_dispute_grid_id_grid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispute')),
    sa.UniqueConstraint('serial', name=op.f('uq_dispute_serial'))
    )
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_received_on'), ['received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_result_on'), ['result_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_status'), ['status'], unique=False)

    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('agenda', sa.String(), nullable=False),
    sa.Column('host', sa.String(length=50), nullable=False),
    sa.Column('recorder', sa.String(length=50), nullable=False),
    sa.Column('others', sa.String(length=500), nullable=False),
    sa.Column('residents_present', sa.Integer(), nullable=False),
    sa.Column('minutes', sa.String(), nullable=False),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_meeting_campaign_id_campaign'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_meeting_grid_id_grid')),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_meeting_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_status'), ['status'], unique=False)

    op.create_table('project',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('responsible_unit', sa.String(length=100), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('planned_on', sa.Date(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_project_campaign_id_campaign'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_project_community_id_community')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_project_grid_id_grid')),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], name=op.f('fk_project_suggestion_id_suggestion'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project'))
    )
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_completed_on'), ['completed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_suggestion_id'), ['suggestion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_year'), ['year'], unique=False)

    op.create_table('suggestion_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.Column('file', sa.String(length=260), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], name=op.f('fk_suggestion_attachment_suggestion_id_suggestion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suggestion_attachment'))
    )
    with op.batch_alter_table('suggestion_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suggestion_attachment_suggestion_id'), ['suggestion_id'], unique=False)

    op.create_table('suggestion_deputy',
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=4), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_suggestion_deputy_deputy_id_deputy')),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], name=op.f('fk_suggestion_deputy_suggestion_id_suggestion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('suggestion_id', 'deputy_id', name=op.f('pk_suggestion_deputy'))
    )
    with op.batch_alter_table('suggestion_deputy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suggestion_deputy_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('suggestion_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('from_status', sa.String(length=4), nullable=False),
    sa.Column('to_status', sa.String(length=4), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], name=op.f('fk_suggestion_history_suggestion_id_suggestion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suggestion_history'))
    )
    with op.batch_alter_table('suggestion_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suggestion_history_suggestion_id'), ['suggestion_id'], unique=False)

    op.create_table('campaign_activity',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_campaign_activity_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_campaign_activity_campaign_id_campaign'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('campaign_id', 'activity_id', name=op.f('pk_campaign_activity'))
    )
    with op.batch_alter_table('campaign_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_activity_activity_id'), ['activity_id'], unique=False)

    op.create_table('dispute_deputy',
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_dispute_deputy_deputy_id_deputy')),
    sa.ForeignKeyConstraint(['dispute_id'], ['dispute.id'], name=op.f('fk_dispute_deputy_dispute_id_dispute'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('dispute_id', 'deputy_id', name=op.f('pk_dispute_deputy'))
    )
    with op.batch_alter_table('dispute_deputy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_deputy_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('meeting_deputy',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_meeting_deputy_deputy_id_deputy')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_deputy_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', 'deputy_id', name=op.f('pk_meeting_deputy'))
    )
    with op.batch_alter_table('meeting_deputy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_deputy_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('project_deputy',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_project_deputy_deputy_id_deputy')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_deputy_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'deputy_id', name=op.f('pk_project_deputy'))
    )
    with op.batch_alter_table('project_deputy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_deputy_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('project_photo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=4), nullable=False),
    sa.Column('file', sa.String(length=260), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_photo_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_photo'))
    )
    with op.batch_alter_table('project_photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_photo_project_id'), ['project_id'], unique=False)

    op.create_table('appraisal_question',
    sa.Column('appraisal_id', sa.Integer(), nullable=False),
    sa.Column('opinion_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['appraisal_id'], ['appraisal.id'], name=op.f('fk_appraisal_question_appraisal_id_appraisal'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputy.id'], name=op.f('fk_appraisal_question_deputy_id_deputy'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['opinion_id'], ['opinion.id'], name=op.f('fk_appraisal_question_opinion_id_opinion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('appraisal_id', 'opinion_id', name=op.f('pk_appraisal_question'))
    )
    with op.batch_alter_table('appraisal_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appraisal_question_deputy_id'), ['deputy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appraisal_question_opinion_id'), ['opinion_id'], unique=False)

    op.create_table('campaign_opinion',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('opinion_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_campaign_opinion_campaign_id_campaign'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['opinion_id'], ['opinion.id'], name=op.f('fk_campaign_opinion_opinion_id_opinion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('campaign_id', 'opinion_id', name=op.f('pk_campaign_opinion'))
    )
    with op.batch_alter_table('campaign_opinion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_opinion_opinion_id'), ['opinion_id'], unique=False)

    op.create_table('followup',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opinion_id', sa.Integer(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=4), nullable=False),
    sa.Column('verdict', sa.String(length=6), nullable=False),
    sa.Column('caller', sa.String(length=50), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['opinion_id'], ['opinion.id'], name=op.f('fk_followup_opinion_id_opinion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followup'))
    )
    with op.batch_alter_table('followup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_followup_on'), ['on'], unique=False)
        batch_op.create_index(batch_op.f('ix_followup_opinion_id'), ['opinion_id'], unique=False)

    op.create_table('meeting_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('opinion_id', sa.Integer(), nullable=True),
    sa.Column('suggestion_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_decision_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['opinion_id'], ['opinion.id'], name=op.f('fk_meeting_decision_opinion_id_opinion'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], name=op.f('fk_meeting_decision_suggestion_id_suggestion'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_decision'))
    )
    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_decision_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_decision_opinion_id'), ['opinion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_decision_suggestion_id'), ['suggestion_id'], unique=False)

    op.create_table('project_opinion',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('opinion_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['opinion_id'], ['opinion.id'], name=op.f('fk_project_opinion_opinion_id_opinion'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_opinion_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'opinion_id', name=op.f('pk_project_opinion'))
    )
    with op.batch_alter_table('project_opinion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_opinion_opinion_id'), ['opinion_id'], unique=False)

    op.create_table('suggestion_opinion',
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.Column('opinion_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['opinion_id'], ['opinion.id'], name=op.f('fk_suggestion_opinion_opinion_id_opinion'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], name=op.f('fk_suggestion_opinion_suggestion_id_suggestion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('suggestion_id', 'opinion_id', name=op.f('pk_suggestion_opinion'))
    )
    with op.batch_alter_table('suggestion_opinion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suggestion_opinion_opinion_id'), ['opinion_id'], unique=False)


# --- the flags become records ----------------------------------------------------------------

_opinion = sa.table(
    'opinion', sa.column('id', sa.Integer), sa.column('serial', sa.String), sa.column('received_on', sa.Date),
    sa.column('grid_id', sa.Integer), sa.column('category', sa.String), sa.column('content', sa.String),
    sa.column('deputy_id', sa.Integer), sa.column('department_id', sa.Integer), sa.column('due_on', sa.Date),
    sa.column('status', sa.String), sa.column('result', sa.String), sa.column('resolved_on', sa.Date),
    sa.column('is_suggestion', sa.Boolean), sa.column('is_practical', sa.Boolean))
_history = sa.table('opinion_history', sa.column('opinion_id', sa.Integer), sa.column('on', sa.Date),
                    sa.column('action', sa.String))
_grid = sa.table('grid', sa.column('id', sa.Integer), sa.column('community_id', sa.Integer))
_department = sa.table('department', sa.column('id', sa.Integer), sa.column('name', sa.String))
_suggestion = sa.table(
    'suggestion', sa.column('id', sa.Integer), sa.column('serial', sa.String), sa.column('title', sa.String),
    sa.column('content', sa.String), sa.column('category', sa.String), sa.column('submitted_on', sa.Date),
    sa.column('department_id', sa.Integer), sa.column('assigned_on', sa.Date), sa.column('due_on', sa.Date),
    sa.column('status', sa.String), sa.column('reply', sa.String), sa.column('replied_on', sa.Date),
    sa.column('verdict', sa.String), sa.column('verdict_on', sa.Date), sa.column('campaign_id', sa.Integer),
    sa.column('notes', sa.String))
_suggestion_history = sa.table(
    'suggestion_history', sa.column('suggestion_id', sa.Integer), sa.column('on', sa.Date),
    sa.column('action', sa.String), sa.column('from_status', sa.String), sa.column('to_status', sa.String),
    sa.column('note', sa.String))
_suggestion_deputy = sa.table('suggestion_deputy', sa.column('suggestion_id', sa.Integer),
                              sa.column('deputy_id', sa.Integer), sa.column('role', sa.String))
_suggestion_opinion = sa.table('suggestion_opinion', sa.column('suggestion_id', sa.Integer),
                               sa.column('opinion_id', sa.Integer))
_project = sa.table(
    'project', sa.column('id', sa.Integer), sa.column('name', sa.String), sa.column('year', sa.Integer),
    sa.column('kind', sa.String), sa.column('community_id', sa.Integer), sa.column('grid_id', sa.Integer),
    sa.column('quantity', sa.Float), sa.column('unit', sa.String), sa.column('responsible_unit', sa.String),
    sa.column('suggestion_id', sa.Integer), sa.column('started_on', sa.Date), sa.column('planned_on', sa.Date),
    sa.column('completed_on', sa.Date), sa.column('status', sa.String), sa.column('campaign_id', sa.Integer),
    sa.column('description', sa.String))
_project_opinion = sa.table('project_opinion', sa.column('project_id', sa.Integer),
                            sa.column('opinion_id', sa.Integer))
_audit = sa.table('audit_log', sa.column('at', sa.DateTime), sa.column('table_name', sa.String),
                  sa.column('record_id', sa.String), sa.column('action', sa.String), sa.column('changes', sa.String))


def _head(text: str, limit: int) -> str:
    """The first sentence of an opinion, short enough for a title."""
    first = re.split(r"[。；;！!？?\n]", (text or "").strip(), maxsplit=1)[0].strip("，, ")
    return first if len(first) <= limit else first[:limit - 1] + "…"


def _flags_to_records(connection) -> None:
    flagged = connection.execute(
        sa.select(_opinion).where(sa.or_(_opinion.c.is_suggestion, _opinion.c.is_practical))
        .order_by(_opinion.c.received_on, _opinion.c.id)).mappings().all()
    if not flagged:
        return
    assigned_on = {opinion_id: on for opinion_id, on in connection.execute(
        sa.select(_history.c.opinion_id, sa.func.min(_history.c.on)).where(_history.c.action == '交办')
        .group_by(_history.c.opinion_id))}
    community_of = dict(connection.execute(sa.select(_grid.c.id, _grid.c.community_id)).all())
    departments = dict(connection.execute(sa.select(_department.c.id, _department.c.name)).all())
    suggestion_of: dict[int, int] = {}
    numbers: dict[int, int] = {}
    for opinion in (o for o in flagged if o['is_suggestion']):
        suggestion_of[opinion['id']] = _suggestion_from(connection, opinion, assigned_on.get(opinion['id']),
                                                       departments, numbers)
    projects = 0
    for opinion in (o for o in flagged if o['is_practical']):
        _project_from(connection, opinion, assigned_on.get(opinion['id']), community_of, departments,
                      suggestion_of.get(opinion['id']))
        projects += 1
    note = {"来源": "数据库升级 0002：民情意见上的标记改为独立记录", "代表建议": len(suggestion_of), "为民办实事": projects,
            "意见": [o['serial'] for o in flagged]}
    connection.execute(_audit.insert().values(at=SYSTEM_CLOCK.now(), table_name='opinion',
                                              record_id='*', action='update',
                                              changes=json.dumps(note, ensure_ascii=False)))


def _suggestion_from(connection, opinion, assigned_on, departments, numbers) -> int:
    status, received = opinion['status'], opinion['received_on']
    year = received.year
    if year not in numbers:
        numbers[year] = _highest_number(connection, year)
    numbers[year] += 1
    values = dict(serial=f"JY{year}-{numbers[year]:03d}", title=_head(opinion['content'], 40) or '代表建议',
                  content=opinion['content'], category=opinion['category'] or '', submitted_on=received,
                  department_id=opinion['department_id'], assigned_on=None, due_on=None, status='提出', reply='',
                  replied_on=None, verdict='', verdict_on=None, campaign_id=None,
                  notes=f"由民情意见 {opinion['serial']} 的“代表建议”标记转来（数据库升级）")
    steps = [(received, '提出', '', '提出', f"由民情意见 {opinion['serial']} 形成代表建议")]
    if status in ('办理中', '已办结', '已关闭') and opinion['department_id']:
        values.update(assigned_on=assigned_on or received, due_on=opinion['due_on'], status='办理中')
        steps.append((values['assigned_on'], '交办', '提出', '办理中',
                      f"交{departments.get(opinion['department_id'], '承办部门')}办理"))
    if status in ('已办结', '已关闭') and opinion['department_id']:
        values.update(status='办结', reply=opinion['result'] or '', replied_on=opinion['resolved_on'])
        steps.append((opinion['resolved_on'] or received, '答复', '办理中', '办结', opinion['result'] or ''))
    suggestion_id = connection.execute(_suggestion.insert().values(**values).returning(_suggestion.c.id)).scalar_one()
    connection.execute(_suggestion_history.insert(), [
        dict(suggestion_id=suggestion_id, on=on, action=action, from_status=before, to_status=after, note=note)
        for on, action, before, after, note in steps])
    connection.execute(_suggestion_opinion.insert().values(suggestion_id=suggestion_id, opinion_id=opinion['id']))
    if opinion['deputy_id']:
        connection.execute(_suggestion_deputy.insert().values(suggestion_id=suggestion_id,
                                                              deputy_id=opinion['deputy_id'], role='领衔'))
    return suggestion_id


def _highest_number(connection, year: int) -> int:
    serials = connection.execute(sa.select(_suggestion.c.serial).where(_suggestion.c.serial.like(f"JY{year}-%")))
    return max((int(serial.split('-')[1]) for (serial,) in serials), default=0)


def _project_from(connection, opinion, assigned_on, community_of, departments, suggestion_id) -> None:
    status, received = opinion['status'], opinion['received_on']
    started = assigned_on or received
    values = dict(name=_head(opinion['content'], 60) or '为民办实事', year=received.year, kind='其他',
                  community_id=community_of.get(opinion['grid_id']), grid_id=opinion['grid_id'], quantity=None,
                  unit='', responsible_unit=departments.get(opinion['department_id'], ''),
                  suggestion_id=suggestion_id, started_on=None, planned_on=opinion['due_on'], completed_on=None,
                  status='计划', campaign_id=None,
                  description=f"{opinion['content']}\n（由民情意见 {opinion['serial']} 的“为民办实事”标记转来）")
    if status in ('已办结', '已关闭'):
        values.update(status='已完成', started_on=started, completed_on=opinion['resolved_on'] or started,
                      year=(opinion['resolved_on'] or received).year)
    elif status == '办理中':
        values.update(status='实施中', started_on=started)
    project_id = connection.execute(_project.insert().values(**values).returning(_project.c.id)).scalar_one()
    connection.execute(_project_opinion.insert().values(project_id=project_id, opinion_id=opinion['id']))


def downgrade() -> None:
    with op.batch_alter_table('opinion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opinion_resolved_on'))
        batch_op.add_column(sa.Column('is_suggestion', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('is_practical', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.drop_column('settled_level')
    op.execute("UPDATE opinion SET is_suggestion = 1 WHERE id IN (SELECT opinion_id FROM suggestion_opinion)")
    op.execute("UPDATE opinion SET is_practical = 1 WHERE id IN (SELECT opinion_id FROM project_opinion)")

    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_column('online')

    with op.batch_alter_table('suggestion_opinion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_suggestion_opinion_opinion_id'))

    op.drop_table('suggestion_opinion')
    with op.batch_alter_table('project_opinion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_opinion_opinion_id'))

    op.drop_table('project_opinion')
    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_decision_suggestion_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_decision_opinion_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_decision_meeting_id'))

    op.drop_table('meeting_decision')
    with op.batch_alter_table('followup', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_followup_opinion_id'))
        batch_op.drop_index(batch_op.f('ix_followup_on'))

    op.drop_table('followup')
    with op.batch_alter_table('campaign_opinion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_opinion_opinion_id'))

    op.drop_table('campaign_opinion')
    with op.batch_alter_table('appraisal_question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appraisal_question_opinion_id'))
        batch_op.drop_index(batch_op.f('ix_appraisal_question_deputy_id'))

    op.drop_table('appraisal_question')
    with op.batch_alter_table('project_photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_photo_project_id'))

    op.drop_table('project_photo')
    with op.batch_alter_table('project_deputy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_deputy_deputy_id'))

    op.drop_table('project_deputy')
    with op.batch_alter_table('meeting_deputy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_deputy_deputy_id'))

    op.drop_table('meeting_deputy')
    with op.batch_alter_table('dispute_deputy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispute_deputy_deputy_id'))

    op.drop_table('dispute_deputy')
    with op.batch_alter_table('campaign_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_activity_activity_id'))

    op.drop_table('campaign_activity')
    with op.batch_alter_table('suggestion_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_suggestion_history_suggestion_id'))

    op.drop_table('suggestion_history')
    with op.batch_alter_table('suggestion_deputy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_suggestion_deputy_deputy_id'))

    op.drop_table('suggestion_deputy')
    with op.batch_alter_table('suggestion_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_suggestion_attachment_suggestion_id'))

    op.drop_table('suggestion_attachment')
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_year'))
        batch_op.drop_index(batch_op.f('ix_project_suggestion_id'))
        batch_op.drop_index(batch_op.f('ix_project_status'))
        batch_op.drop_index(batch_op.f('ix_project_grid_id'))
        batch_op.drop_index(batch_op.f('ix_project_completed_on'))
        batch_op.drop_index(batch_op.f('ix_project_community_id'))
        batch_op.drop_index(batch_op.f('ix_project_campaign_id'))

    op.drop_table('project')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_status'))
        batch_op.drop_index(batch_op.f('ix_meeting_station_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_kind'))
        batch_op.drop_index(batch_op.f('ix_meeting_grid_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_date'))
        batch_op.drop_index(batch_op.f('ix_meeting_campaign_id'))

    op.drop_table('meeting')
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispute_status'))
        batch_op.drop_index(batch_op.f('ix_dispute_result_on'))
        batch_op.drop_index(batch_op.f('ix_dispute_received_on'))
        batch_op.drop_index(batch_op.f('ix_dispute_kind'))
        batch_op.drop_index(batch_op.f('ix_dispute_grid_id'))
        batch_op.drop_index(batch_op.f('ix_dispute_campaign_id'))

    op.drop_table('dispute')
    with op.batch_alter_table('appraisal_deputy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appraisal_deputy_deputy_id'))

    op.drop_table('appraisal_deputy')
    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_suggestion_submitted_on'))
        batch_op.drop_index(batch_op.f('ix_suggestion_status'))
        batch_op.drop_index(batch_op.f('ix_suggestion_replied_on'))
        batch_op.drop_index(batch_op.f('ix_suggestion_due_on'))
        batch_op.drop_index(batch_op.f('ix_suggestion_department_id'))
        batch_op.drop_index(batch_op.f('ix_suggestion_campaign_id'))

    op.drop_table('suggestion')
    with op.batch_alter_table('appraisal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appraisal_year'))
        batch_op.drop_index(batch_op.f('ix_appraisal_status'))
        batch_op.drop_index(batch_op.f('ix_appraisal_station_id'))
        batch_op.drop_index(batch_op.f('ix_appraisal_date'))

    op.drop_table('appraisal')
    with op.batch_alter_table('outcome_kind', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcome_kind_list_name'))

    op.drop_table('outcome_kind')
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_start_on'))

    op.drop_table('campaign')
