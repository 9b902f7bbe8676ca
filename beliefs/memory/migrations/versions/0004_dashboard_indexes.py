"""Indexes for the dashboard's tenant-wide counts (beliefs/insights/aggregates.py).

Signals and personalised responses per day are counted by ``tenant`` and ``created_at`` across
all users, which the per-user ``(tenant, user_id, created_at)`` indexes cannot serve; the users
table pages by ``(tenant, last_seen)``.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_observation_tenant_time", "observation", ["tenant", "created_at"])
    op.create_index("ix_response_tenant_time", "response_record", ["tenant", "created_at"])
    op.create_index("ix_profile_tenant_last_seen", "user_profile", ["tenant", "last_seen"])


def downgrade() -> None:
    op.drop_index("ix_profile_tenant_last_seen", "user_profile")
    op.drop_index("ix_response_tenant_time", "response_record")
    op.drop_index("ix_observation_tenant_time", "observation")
