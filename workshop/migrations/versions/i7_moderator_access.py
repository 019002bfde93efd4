"""Moderator access that can be taken back: server-side moderator sessions, and credentials for one room.

Revision ID: i7_moderator_access
Revises: i8_identity
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "i7_moderator_access"
down_revision: Union[str, Sequence[str], None] = "i8_identity"  # re-chained after main (i9, then i8, landed first)
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("moderator_credentials") as batch:
        batch.add_column(sa.Column("room_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_moderator_credentials_room_id_rooms", "rooms", ["room_id"], ["id"],
                                 ondelete="CASCADE")
    op.create_table(
        "moderator_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("credential_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["credential_id"], ["moderator_credentials.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("secret_hash"),
    )
    op.create_index("ix_moderator_sessions_credential_id", "moderator_sessions", ["credential_id"])


def downgrade() -> None:
    op.drop_index("ix_moderator_sessions_credential_id", table_name="moderator_sessions")
    op.drop_table("moderator_sessions")
    with op.batch_alter_table("moderator_credentials") as batch:
        batch.drop_constraint("fk_moderator_credentials_room_id_rooms", type_="foreignkey")
        batch.drop_column("room_id")
