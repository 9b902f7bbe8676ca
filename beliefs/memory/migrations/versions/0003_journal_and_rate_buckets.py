"""The write journal's checkpoints, and token buckets shared by every worker.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # How far each process's journal is applied, written in the same transaction as the writes
    # it covers: replaying a journal after a crash applies each write exactly once.
    op.create_table(
        "journal_checkpoint",
        sa.Column("stream", sa.String(), primary_key=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
    )
    # Rate limits and failed sign-in throttles, shared by every worker and host.
    op.create_table(
        "rate_bucket",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("tokens", sa.Float(), nullable=False),
        # what the last take granted (RETURNING reads it: the new row alone cannot tell)
        sa.Column("granted", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("rate_bucket")
    op.drop_table("journal_checkpoint")
