"""The gateway: the OpenAI-compatible doors client apps call, and the way to the upstream.

``chat`` is the hot path (identify, prepare, plan, forward, stream back, record); ``upstream`` and
``providers`` are the one pooled HTTP client and the litellm routes; ``feedback`` takes thumbs and
comments about a response.
"""
