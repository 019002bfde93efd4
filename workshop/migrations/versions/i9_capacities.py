"""Organisational capacities: organisations, questionnaires, responses, answers, consensus, plan de renforcement

Revision ID: i9_capacities
Revises: b10barometer
Create Date: 2026-12-07 12:38:43.420456

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'i9_capacities'
down_revision: Union[str, Sequence[str], None] = 'b10barometer'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    
    op.create_table('capacity_questionnaires',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('template', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_capacity_questionnaires_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capacity_questionnaires')),
    sa.UniqueConstraint('event_id', name=op.f('uq_capacity_questionnaires_event_id'))
    )
    op.create_table('organisations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('region', sa.String(length=60), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_organisations_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations')),
    sa.UniqueConstraint('event_id', 'slug', name=op.f('uq_organisations_event_id_slug'))
    )
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisations_event_id'), ['event_id'], unique=False)

    op.create_table('capacity_consensus',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.String(length=10), nullable=False),
    sa.Column('item', sa.String(length=60), nullable=False),
    sa.Column('level', sa.String(length=2), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_capacity_consensus_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_capacity_consensus_organisation_id_organisations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capacity_consensus')),
    sa.UniqueConstraint('organisation_id', 'round', 'item', name=op.f('uq_capacity_consensus_organisation_id_round_item'))
    )
    with op.batch_alter_table('capacity_consensus', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_capacity_consensus_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_capacity_consensus_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('capacity_plan_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('domain', sa.String(length=60), nullable=False),
    sa.Column('need', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('modality', sa.String(length=30), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('deadline', sa.String(length=10), nullable=False),
    sa.Column('target', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_capacity_plan_actions_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_capacity_plan_actions_organisation_id_organisations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capacity_plan_actions'))
    )
    with op.batch_alter_table('capacity_plan_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_capacity_plan_actions_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_capacity_plan_actions_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('capacity_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=100), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('round', sa.String(length=10), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_capacity_responses_activity_id_activities'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_capacity_responses_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_capacity_responses_organisation_id_organisations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capacity_responses')),
    sa.UniqueConstraint('event_id', 'uuid', name=op.f('uq_capacity_responses_event_id_uuid'))
    )
    with op.batch_alter_table('capacity_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_capacity_responses_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_capacity_responses_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_capacity_responses_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('capacity_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=60), nullable=False),
    sa.Column('level', sa.String(length=2), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['response_id'], ['capacity_responses.id'], name=op.f('fk_capacity_answers_response_id_capacity_responses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capacity_answers')),
    sa.UniqueConstraint('response_id', 'item', name=op.f('uq_capacity_answers_response_id_item'))
    )
    with op.batch_alter_table('capacity_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_capacity_answers_response_id'), ['response_id'], unique=False)




def downgrade() -> None:
    """Downgrade schema."""
    
    with op.batch_alter_table('capacity_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_capacity_answers_response_id'))

    op.drop_table('capacity_answers')
    with op.batch_alter_table('capacity_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_capacity_responses_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_capacity_responses_event_id'))
        batch_op.drop_index(batch_op.f('ix_capacity_responses_activity_id'))

    op.drop_table('capacity_responses')
    with op.batch_alter_table('capacity_plan_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_capacity_plan_actions_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_capacity_plan_actions_event_id'))

    op.drop_table('capacity_plan_actions')
    with op.batch_alter_table('capacity_consensus', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_capacity_consensus_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_capacity_consensus_event_id'))

    op.drop_table('capacity_consensus')
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisations_event_id'))

    op.drop_table('organisations')
    op.drop_table('capacity_questionnaires')

