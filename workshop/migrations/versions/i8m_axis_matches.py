"""Common axes across rooms: the moderator's decisions on pairs of axes drafted in two rooms (issue 8 §3).

Revision ID: i8m_axis_matches
Revises: i12_scale_out
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "i8m_axis_matches"
down_revision: Union[str, Sequence[str], None] = "i12_scale_out"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "axis_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("left_axis_id", sa.Integer(), nullable=False),
        sa.Column("right_axis_id", sa.Integer(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_axis_matches_event_id_events"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["left_axis_id"], ["axes.id"], name=op.f("fk_axis_matches_left_axis_id_axes"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["right_axis_id"], ["axes.id"], name=op.f("fk_axis_matches_right_axis_id_axes"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_axis_matches")),
        sa.UniqueConstraint("left_axis_id", "right_axis_id", name=op.f("uq_axis_matches_left_axis_id_right_axis_id")),
    )
    with op.batch_alter_table("axis_matches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_axis_matches_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("axis_matches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_axis_matches_event_id"))
    op.drop_table("axis_matches")
