"""Interpretation benchmark: recall, precision, lookalikes, complaints and cost per message."""
