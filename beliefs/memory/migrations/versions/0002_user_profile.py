"""User profiles (activity, opt-out, consent), backfilled from existing response records.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_profile",
        sa.Column("tenant", sa.String(), primary_key=True),
        sa.Column("user_id", sa.String(), primary_key=True),
        sa.Column("first_seen", sa.Float(), nullable=False),
        sa.Column("last_seen", sa.Float(), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.Column("opted_out", sa.Boolean(), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
    )
    # Users seen before this revision keep their history: one profile per (tenant, user) that
    # has responses, with its first/last activity and request count.
    op.execute(
        "INSERT INTO user_profile (tenant, user_id, first_seen, last_seen, requests, opted_out, consent) "
        "SELECT tenant, user_id, MIN(created_at), MAX(created_at), COUNT(*), false, true "
        "FROM response_record GROUP BY tenant, user_id"
    )


def downgrade() -> None:
    op.drop_table("user_profile")
