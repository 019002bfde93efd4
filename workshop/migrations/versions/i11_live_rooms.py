"""Issue 11: typed versions of activities and rooms, the expected head-count of a room, axe actions in the undo log.

Revision ID: i11_live_rooms
Revises: i8_identity (main's head; b10barometer in the brief)
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "i11_live_rooms"
down_revision: Union[str, Sequence[str], None] = "i8f_axis_versions"  # re-chained at merge: i9, i8, i7, i8f, then this
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("versions", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.add_column(sa.Column("versions", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("expected_count", sa.Integer(), nullable=True))
    with op.batch_alter_table("clustering_actions", schema=None) as batch_op:
        # An axe deleted or merged on the strategy page has a strategy and, when it came from a board, an activity.
        batch_op.alter_column("activity_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("strategy_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_clustering_actions_strategy_id"), ["strategy_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_clustering_actions_strategy_id_strategies"), "strategies",
                                    ["strategy_id"], ["id"], ondelete="CASCADE")


def downgrade() -> None:
    with op.batch_alter_table("clustering_actions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_clustering_actions_strategy_id_strategies"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_clustering_actions_strategy_id"))
        batch_op.drop_column("strategy_id")
    op.execute("DELETE FROM clustering_actions WHERE activity_id IS NULL")
    with op.batch_alter_table("clustering_actions", schema=None) as batch_op:
        batch_op.alter_column("activity_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.drop_column("expected_count")
        batch_op.drop_column("versions")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_column("versions")
