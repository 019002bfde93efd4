"""The meeting's and the strategy's identity (place, days, organisers and their logos, version label, regions,
versions in other languages), room themes, the consolidation's decisions and next steps, and confirmed matches
between the priorities of different rooms.

Revision ID: i8_identity
Revises: i9_capacities
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "i8_identity"
down_revision: Union[str, Sequence[str], None] = "i9_capacities"  # b10barometer in the brief; main now has i9
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("place", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("first_day", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("last_day", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("project_name", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("organised_by", sa.JSON(), server_default="[]", nullable=False))
        batch_op.add_column(sa.Column("versions", sa.JSON(), server_default="{}", nullable=False))
        batch_op.add_column(sa.Column("decisions", sa.JSON(), server_default="[]", nullable=False))
        batch_op.add_column(sa.Column("next_steps", sa.JSON(), server_default="[]", nullable=False))
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.add_column(sa.Column("theme", sa.String(length=300), server_default="", nullable=False))
    with op.batch_alter_table("strategies", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version_label", sa.String(length=100), server_default="", nullable=False))
        batch_op.add_column(sa.Column("regions", sa.JSON(), server_default="[]", nullable=False))
        batch_op.add_column(sa.Column("versions", sa.JSON(), server_default="{}", nullable=False))
    op.create_table(
        "event_logos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=20), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_event_logos_event_id_events"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_logos")),
    )
    with op.batch_alter_table("event_logos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_logos_event_id"), ["event_id"], unique=False)
    op.create_table(
        "priority_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("left_cluster_id", sa.Integer(), nullable=False),
        sa.Column("right_cluster_id", sa.Integer(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_priority_matches_event_id_events"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["left_cluster_id"], ["clusters.id"],
                                name=op.f("fk_priority_matches_left_cluster_id_clusters"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["right_cluster_id"], ["clusters.id"],
                                name=op.f("fk_priority_matches_right_cluster_id_clusters"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_priority_matches")),
        sa.UniqueConstraint("left_cluster_id", "right_cluster_id",
                            name=op.f("uq_priority_matches_left_cluster_id_right_cluster_id")),
    )
    with op.batch_alter_table("priority_matches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_priority_matches_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("priority_matches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_priority_matches_event_id"))
    op.drop_table("priority_matches")
    with op.batch_alter_table("event_logos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_logos_event_id"))
    op.drop_table("event_logos")
    with op.batch_alter_table("strategies", schema=None) as batch_op:
        batch_op.drop_column("versions")
        batch_op.drop_column("regions")
        batch_op.drop_column("version_label")
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.drop_column("theme")
    with op.batch_alter_table("events", schema=None) as batch_op:
        for column in ("next_steps", "decisions", "versions", "organised_by", "project_name", "last_day",
                       "first_day", "place"):
            batch_op.drop_column(column)
