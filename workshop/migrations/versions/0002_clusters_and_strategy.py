"""Clusters and their undo log, strategies (SNI/SRI) and axes, scored criteria on votes, event scope and room kind.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 10:29:09.404974

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('strategies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=3), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('region', sa.String(length=40), nullable=True),
    sa.Column('parent_strategy_id', sa.Integer(), nullable=True),
    sa.Column('vision', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_strategies_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_strategy_id'], ['strategies.id'], name=op.f('fk_strategies_parent_strategy_id_strategies'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategies')),
    sa.UniqueConstraint('event_id', name=op.f('uq_strategies_event_id'))
    )
    op.create_table('axes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('strategy_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('theme', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('parent_axis_id', sa.Integer(), nullable=True),
    sa.Column('disposition', sa.String(length=20), nullable=True),
    sa.Column('origin_room_id', sa.Integer(), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('provenance', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['origin_room_id'], ['rooms.id'], name=op.f('fk_axes_origin_room_id_rooms'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['parent_axis_id'], ['axes.id'], name=op.f('fk_axes_parent_axis_id_axes'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['strategy_id'], ['strategies.id'], name=op.f('fk_axes_strategy_id_strategies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_axes'))
    )
    with op.batch_alter_table('axes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_axes_strategy_id'), ['strategy_id'], unique=False)

    op.create_table('clustering_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('before', sa.JSON(), nullable=False),
    sa.Column('after', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('undone', sa.Boolean(), nullable=False),
    sa.Column('undone_by', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_clustering_actions_activity_id_activities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clustering_actions'))
    )
    with op.batch_alter_table('clustering_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clustering_actions_activity_id'), ['activity_id'], unique=False)

    op.create_table('clusters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('removed', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_clusters_activity_id_activities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clusters'))
    )
    with op.batch_alter_table('clusters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clusters_activity_id'), ['activity_id'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.String(length=20), server_default='national', nullable=False))
        batch_op.add_column(sa.Column('template', sa.String(length=40), nullable=True))

    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cluster_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_ideas_cluster_id'), ['cluster_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_ideas_cluster_id_clusters'), 'clusters', ['cluster_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), server_default='workshop', nullable=False))

    with op.batch_alter_table('votes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('criterion', sa.String(length=40), server_default='', nullable=False))
        batch_op.drop_constraint(batch_op.f('uq_votes_ballot_id_target_id'), type_='unique')
        batch_op.create_unique_constraint('uq_votes_ballot_target_criterion', ['ballot_id', 'target_id', 'criterion'])



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('votes', schema=None) as batch_op:
        batch_op.drop_constraint('uq_votes_ballot_target_criterion', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_votes_ballot_id_target_id'), ['ballot_id', 'target_id'])
        batch_op.drop_column('criterion')

    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.drop_column('kind')

    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_ideas_cluster_id_clusters'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_ideas_cluster_id'))
        batch_op.drop_column('cluster_id')

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('template')
        batch_op.drop_column('scope')

    with op.batch_alter_table('clusters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clusters_activity_id'))

    op.drop_table('clusters')
    with op.batch_alter_table('clustering_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clustering_actions_activity_id'))

    op.drop_table('clustering_actions')
    with op.batch_alter_table('axes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_axes_strategy_id'))

    op.drop_table('axes')
    op.drop_table('strategies')
