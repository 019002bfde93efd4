"""Axes carry their typed texts in other languages: one JSON column ``versions`` (domain/multilingual.py).

Revision ID: i8f_axis_versions
Revises: i8_identity (written against b10barometer; chained after main's head as i9 and i8 landed)
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "i8f_axis_versions"
down_revision: Union[str, Sequence[str], None] = "i7_moderator_access"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("axes") as batch:
        batch.add_column(sa.Column("versions", sa.JSON(), nullable=False, server_default=sa.text("'{}'")))


def downgrade() -> None:
    with op.batch_alter_table("axes") as batch:
        batch.drop_column("versions")
