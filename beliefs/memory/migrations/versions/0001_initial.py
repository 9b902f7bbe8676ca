"""Initial schema: evidence, pins, observations, response records.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "belief_evidence",
        sa.Column("tenant", sa.String(), primary_key=True),
        sa.Column("user_id", sa.String(), primary_key=True),
        sa.Column("context", sa.String(), primary_key=True),
        sa.Column("dimension", sa.String(), primary_key=True),
        sa.Column("value", sa.String(), primary_key=True),
        sa.Column("implicit_w", sa.Float(), nullable=False),
        sa.Column("explicit_w", sa.Float(), nullable=False),
        sa.Column("manual_w", sa.Float(), nullable=False),
        sa.Column("observations", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
    )
    op.create_table(
        "belief_pin",
        sa.Column("tenant", sa.String(), primary_key=True),
        sa.Column("user_id", sa.String(), primary_key=True),
        sa.Column("context", sa.String(), primary_key=True),
        sa.Column("dimension", sa.String(), primary_key=True),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
    )
    op.create_table(
        "observation",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("tenant", sa.String(), nullable=False),
        sa.Column("user_id", sa.String(), nullable=False),
        sa.Column("context", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("response_id", sa.String(), nullable=True),
        sa.Column("features", sa.JSON(), nullable=True),
        sa.Column("deltas", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_observation_user", "observation", ["tenant", "user_id", "created_at"])
    op.create_index("ix_observation_response_id", "observation", ["response_id"])
    op.create_table(
        "response_record",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("tenant", sa.String(), nullable=False),
        sa.Column("user_id", sa.String(), nullable=False),
        sa.Column("context", sa.String(), nullable=False),
        sa.Column("prefix_hash", sa.String(), nullable=False),
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("applied", sa.JSON(), nullable=True),
        sa.Column("directives", sa.JSON(), nullable=True),
        sa.Column("text", sa.String(), nullable=True),
        sa.Column("text_hash", sa.String(), nullable=True),
        sa.Column("completion_id", sa.String(), nullable=True),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("features", sa.JSON(), nullable=True),
        sa.Column("outcome", sa.String(), nullable=True),
    )
    op.create_index("ix_response_user", "response_record", ["tenant", "user_id", "created_at"])
    op.create_index("ix_response_record_completion_id", "response_record", ["completion_id"])


def downgrade() -> None:
    for table in ("response_record", "observation", "belief_pin", "belief_evidence"):
        op.drop_table(table)
